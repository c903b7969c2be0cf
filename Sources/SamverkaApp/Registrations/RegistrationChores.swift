import Fluent
import Foundation
import Vapor

/// The scheduled work of registration: reminders the day before, and forgetting personal data
/// once an event is long past. Both are safe to run as often as you like; each registration is
/// reminded once and purged once.
struct RegistrationChores: Sendable {
    struct Purged: Equatable, Sendable {
        var registrations = 0
        var messages = 0
    }

    let app: Application
    let now: Date

    var database: any Database { app.db }

    /// Reminds everyone with a seat at an event or activity that starts within the next 24 hours.
    func sendReminders() async throws -> Int {
        let horizon = now.addingTimeInterval(24 * 3600)
        let events = try await Event.query(on: database).filter(\.$status == .scheduled)
            .filter(\.$startsAt > now).filter(\.$startsAt <= horizon).all(\.$id)
        let activities = try await Activity.query(on: database).filter(\.$status == .approved)
            .filter(\.$startsAt > now).filter(\.$startsAt <= horizon).all(\.$id)
        guard !events.isEmpty || !activities.isEmpty else { return 0 }
        let setups = try await RegistrationSetup.query(on: database)
            .filter(\.$mode == .samverka).filter(\.$cancelledAt == nil)
            .group(.or) { either in
                either.filter(\.$event.$id ~~ events)
                either.filter(\.$activity.$id ~~ activities)
            }
            .all()
        let ledger = RegistrationLedger(app: app, now: now)
        var reminded = 0
        for setup in setups {
            guard let subject = try await RegistrationSubjects.of(setup, on: database) else { continue }
            reminded += try await ledger.remind(setup, subject: subject)
        }
        return reminded
    }

    /// Removes answers and guests' names and addresses from registrations to events that ended
    /// more than `days` ago, and mail older than that from the outbox. What remains, statuses
    /// and attendance without names, is enough for the statistics.
    func purge(afterDays days: Int) async throws -> Purged {
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        var purged = Purged()
        let setupIDs = try await Registration.query(on: database).filter(\.$purgedAt == nil).unique().all(\.$setup.$id)
        for setupID in Set(setupIDs) {
            guard let setup = try await RegistrationSetup.find(setupID, on: database),
                let subject = try await RegistrationSubjects.of(setup, on: database),
                let ended = subject.endsAt ?? subject.startsAt, ended < cutoff
            else { continue }
            purged.registrations += try await database.transaction { database in
                let due = try await Registration.query(on: database).filter(\.$setup.$id == setupID).filter(
                    \.$purgedAt == nil
                ).all()
                for registration in due {
                    registration.answers = []
                    if registration.$member.id == nil {
                        registration.guestName = ""
                        registration.guestEmail = ""
                        // The personal link showed the guest's own details; it leads nowhere now.
                        registration.token = Registration.newToken()
                    }
                    registration.purgedAt = now
                    try await registration.save(on: database)
                }
                return due.count
            }
        }
        // `sendAfter` is the message's last planned attempt, on the application's clock.
        let oldMail = OutgoingMail.query(on: database).filter(\.$sendAfter < cutoff)
        purged.messages = try await oldMail.copy().count()
        try await oldMail.delete()
        return purged
    }
}

/// `samverka remind`: sends the day-before reminders. Run it every hour.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Sends reminders for events and activities that start within 24 hours." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = try await RegistrationChores(app: app, now: app.clock.now()).sendReminders()
        context.console.print("Reminders: \(count) written to the outbox")
    }
}
