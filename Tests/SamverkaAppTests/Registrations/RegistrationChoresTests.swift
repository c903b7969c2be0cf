import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Registration chores: reminders and purging")
struct RegistrationChoresTests {
    @Test("the day before, everyone with a seat is reminded once, with the calendar entry; the waiting list is not")
    func reminders() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 2)
            for email in ["anna@example.org", "bo@example.org", "cecilia@example.org"] {
                _ = try await fixture.signUp(email)
            }
            let start = fixture.event.startsAt

            // A week ahead: nothing yet. The command runs on the application's clock.
            let console = TestConsole()
            try await runCommand(RemindCommand(), [], on: app, console: console)
            #expect(console.output.contains("Reminders: 0"))

            let chores = RegistrationChores(app: app, now: start.addingTimeInterval(-20 * 3600))
            #expect(try await chores.sendReminders() == 2)
            let reminders = try await fixture.mail("reminder")
            #expect(Set(reminders.map(\.toAddress)) == ["anna@example.org", "bo@example.org"])
            let first = try #require(reminders.first)
            #expect(first.subject == "Påminnelse: Workshop om öppna data börjar snart")
            #expect(first.message.attachments.first?.content.contains("BEGIN:VEVENT") == true)
            #expect(try await chores.sendReminders() == 0)

            // Promoted within the last day: the promotion mail said it all, no reminder on top.
            let anna = try #require(try await fixture.registrations().first)
            try await RegistrationLedger(app: app, now: start.addingTimeInterval(-10 * 3600))
                .cancel(anna, setup: fixture.setup, subject: EventSubject(event: fixture.event))
            #expect(try await fixture.registrations().map(\.status) == [.cancelled, .confirmed, .confirmed])
            #expect(
                try await RegistrationChores(app: app, now: start.addingTimeInterval(-9 * 3600)).sendReminders() == 0)
            // Once it has started, nobody is reminded.
            #expect(try await RegistrationChores(app: app, now: start.addingTimeInterval(3600)).sendReminders() == 0)
        }
    }

    @Test("purging removes answers and guests' details after the set days, keeps the counts, and empties old mail")
    func purge() async throws {
        try await withSamverka { app in
            let question = RegistrationQuestion(
                key: "diet", kind: .shortText, label: "Matönskemål", required: false, choices: [])
            let fixture = try await RegistrationFixture.make(app, capacity: 10, questions: [question])
            _ = try await fixture.signUp("anna@example.org", form: ["q_diet": "Vegan"])
            let guest = Browser(app)
            try await guest.get("/events/workshop/register")
            try await guest.post(
                "/events/workshop/register",
                form: ["name": "Gäst Gästsson", "email": "gast@example.org", "q_diet": "Glutenfri"])
            let guestRow = try #require(try await fixture.registrations().last)
            try await guest.post("/registrations/\(guestRow.token)/confirm", form: [:])
            let end = fixture.event.endsAt ?? fixture.event.startsAt
            #expect(try await OutgoingMail.query(on: app.db).count() == 3)

            // 29 days after the event the registrations stay; the mail, written a week before the
            // event, is 36 days old and goes.
            let early = try await RegistrationChores(app: app, now: end.addingTimeInterval(29 * 86_400)).purge(
                afterDays: 30)
            #expect(early == .init(registrations: 0, messages: 3))
            #expect(try await fixture.registrations().last?.guestEmail == "gast@example.org")

            let purged = try await RegistrationChores(app: app, now: end.addingTimeInterval(31 * 86_400)).purge(
                afterDays: 30)
            #expect(purged == .init(registrations: 2, messages: 0))
            let rows = try await fixture.registrations()
            #expect(rows.map(\.status) == [.confirmed, .confirmed])
            #expect(rows.allSatisfy { $0.answers.isEmpty && $0.purgedAt != nil })
            #expect(rows[0].$member.id != nil)
            #expect(rows[1].guestName.isEmpty && rows[1].guestEmail.isEmpty)
            #expect(try await app.testing().sendRequest(.GET, "/registrations/\(guestRow.token)").status == .notFound)
            #expect(try await OutgoingMail.query(on: app.db).count() == 0)

            // The organiser's list still counts both, by now without the guest's name.
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            let list = try await admin.get("/events/workshop/attendees")
            #expect(list.text.contains("2 av 10 platser bokade"))
            #expect(!list.text.contains("Gäst Gästsson") && !list.text.contains("Vegan"))

            // Running again changes nothing; the command reports what it did.
            let console = TestConsole()
            try await runCommand(PurgeCommand(), ["--days", "0"], on: app, console: console)
            #expect(console.output.contains("Purged: 0 registrations"))
        }
    }
}
