import Foundation
import Vapor

/// `samverka purge [--days N]`: forgets personal data of past events, and tidies accounts and
/// uploads. Run it every night. It composes the chores of several capabilities, so it lives here.
struct PurgeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "days",
            help: "Days after an event to keep answers and guests' details (default SAMVERKA_PURGE_AFTER_DAYS, else 30)"
        )
        var days: Int?
    }

    var help: String {
        "Removes answers, guests' contact details and old mail some days after each event; unconfirmed accounts, old links and ended sessions."
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let days = signature.days ?? app.settings.purgeAfterDays
        guard days >= 0 else { throw Failure(description: "--days must be zero or more") }
        let purged = try await RegistrationChores(app: app, now: app.clock.now()).purge(afterDays: days)
        context.console.print(
            "Purged: \(purged.registrations) registrations, \(purged.messages) messages (older than \(days) days)")
        let accounts = try await AccountChores(app: app, now: app.clock.now()).purge()
        context.console.print(
            "Accounts: \(accounts.unconfirmedAccounts) never confirmed, \(accounts.links) old links, \(accounts.sessions) ended sessions removed"
        )
        let images = try await UploadChores(app: app, now: Date()).purge()
        context.console.print("Uploads: \(images) images nothing refers to removed")
    }
}
