import Fluent
import Foundation
import SQLKit
import Vapor

/// Sends what waits in the outbox. Each round claims a batch (on PostgreSQL with
/// `FOR UPDATE SKIP LOCKED`, so several deliverers never take the same message), sends each
/// message once, and marks it sent at once. A failure waits longer each time (1, 2, 4 … minutes,
/// at most 6 hours); a permanent refusal (5xx) or the tenth failure gives the message up.
struct MailDelivery: Sendable {
    struct Round: Sendable, Equatable {
        var sent = 0
        var retried = 0
        var failed = 0
    }

    static let maximumAttempts = 10
    static let claimTime: TimeInterval = 10 * 60

    let database: any Database
    let settings: AppSettings
    let now: @Sendable () -> Date
    let logger: Logger

    func deliverDue(limit: Int = 50) async throws -> Round {
        guard let url = settings.smtpURL, let server = SMTPServer(url: url) else { return Round() }
        let client = SMTPClient(server: server, helloName: URL(string: settings.publicURL)?.host ?? "localhost")
        var round = Round()
        for id in try await claim(limit: limit) {
            guard let mail = try await OutgoingMail.find(id, on: database), mail.sentAt == nil else { continue }
            let text = mail.message.mime(from: settings.mailFrom, date: now(), id: id.uuidString)
            let envelopeSender = MailMessage.address(in: settings.mailFrom)
            do {
                try await client.send(text, from: envelopeSender, to: mail.toAddress)
                mail.sentAt = now()
                mail.claimedUntil = nil
                try await mail.save(on: database)
                round.sent += 1
            } catch {
                mail.attempts += 1
                mail.lastError = String(describing: error).prefix(500).description
                mail.claimedUntil = nil
                if (error as? SMTPClient.Failure)?.permanent == true || mail.attempts >= Self.maximumAttempts {
                    mail.failedAt = now()
                    round.failed += 1
                } else {
                    mail.sendAfter = now().addingTimeInterval(Self.backoff(afterAttempts: mail.attempts))
                    round.retried += 1
                }
                try await mail.save(on: database)
                logger.warning("Mail \(id) to the outbox's recipient failed: \(mail.lastError)")
            }
        }
        return round
    }

    static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(attempts - 1, 0))), 6 * 3_600)
    }

    /// Takes up to `limit` due messages for this deliverer, oldest first.
    private func claim(limit: Int) async throws -> [UUID] {
        guard let sql = database as? any SQLDatabase else { return [] }
        let current = now()
        let until = current.addingTimeInterval(Self.claimTime)
        let lock = settings.database.kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw(
            """
            UPDATE mail_outbox SET claimed_until = \(bind: until)
            WHERE id IN (SELECT id FROM mail_outbox
                WHERE sent_at IS NULL AND failed_at IS NULL AND send_after <= \(bind: current)
                AND (claimed_until IS NULL OR claimed_until < \(bind: current))
                ORDER BY created_at LIMIT \(unsafeRaw: String(max(1, limit)))\(unsafeRaw: lock))
            RETURNING id
            """
        ).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }
}
