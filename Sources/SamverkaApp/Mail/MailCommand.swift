import Foundation
import Vapor

/// `samverka mail deliver [--loop]`: sends what waits in the outbox through `SMTP_URL`, once or
/// every `--interval` seconds (run it as a service, or from cron without `--loop`).
struct MailCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "deliver")
        var action: String

        @Flag(name: "loop", help: "Keep delivering until stopped")
        var loop: Bool

        @Option(name: "interval", help: "Seconds between rounds with --loop (default 30)")
        var interval: Int?
    }

    var help: String { "Delivers the outbox by SMTP." }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "deliver" else {
            throw Failure(description: "Unknown action '\(signature.action)'; try: samverka mail deliver")
        }
        let app = context.application
        guard app.settings.smtpURL != nil else {
            throw Failure(
                description: "SMTP_URL is not set; messages stay in the outbox (admins read them at /admin/outbox).")
        }
        let delivery = MailDelivery(
            database: app.db, settings: app.settings, now: { app.clock.now() }, logger: app.logger)
        repeat {
            var total = MailDelivery.Round()
            while true {
                let round = try await delivery.deliverDue()
                total.sent += round.sent
                total.retried += round.retried
                total.failed += round.failed
                if round.sent + round.retried + round.failed == 0 { break }
            }
            context.console.print("Mail: \(total.sent) sent, \(total.retried) to retry, \(total.failed) given up")
            if signature.loop { try await Task.sleep(for: .seconds(max(1, signature.interval ?? 30))) }
        } while signature.loop
    }
}
