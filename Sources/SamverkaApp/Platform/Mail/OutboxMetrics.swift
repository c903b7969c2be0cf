import Fluent
import Vapor

extension SiteMetrics {
    /// The outbox as an operator watches it: mail waiting to go (a growing number means the
    /// mail server is unreachable), mail being retried, and mail given up on.
    func readOutbox() {
        reading("mail_outbox_waiting", help: "Messages waiting to be sent") { app in
            Double(try await OutgoingMail.query(on: app.db).filter(\.$sentAt == nil).filter(\.$failedAt == nil).count())
        }
        reading("mail_outbox_retrying", help: "Messages waiting after at least one failed delivery") { app in
            Double(
                try await OutgoingMail.query(on: app.db).filter(\.$sentAt == nil).filter(\.$failedAt == nil)
                    .filter(\.$attempts > 0).count())
        }
        reading("mail_outbox_failed", help: "Messages given up on after repeated delivery failures") { app in
            Double(try await OutgoingMail.query(on: app.db).filter(\.$failedAt != nil).count())
        }
    }
}
