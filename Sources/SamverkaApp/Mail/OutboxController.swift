import Fluent
import Vapor

/// Admins read the outbox: what was sent, what waits (with the last error) and what was given
/// up. Without an SMTP server this is where every message can still be read.
struct OutboxController: Sendable {
    @Sendable func list(request: Request) async throws -> Response {
        let page = Pagination.requestedPage(request)
        let total = try await OutgoingMail.query(on: request.db).count()
        let mails = try await OutgoingMail.query(on: request.db).sort(\.$createdAt, .descending)
            .range(((page - 1) * Pagination.pageSize)..<(page * Pagination.pageSize)).all()
        let dates = request.dates
        let heading = request.t("outbox.title")
        return try await request.render(
            "Mail/outbox",
            OutboxListPage(
                layout: request.layout(title: heading, section: .none),
                heading: heading,
                deliveryNote: request.t(request.application.settings.smtpURL == nil ? "outbox.no_smtp" : "outbox.smtp"),
                rows: try mails.map { mail in
                    OutboxListPage.Row(
                        href: SiteURL.outboxMessage(.value(try mail.requireID().uuidString)).path,
                        subject: mail.subject, to: mail.toAddress,
                        state: request.t("outbox.state_\(mail.state.rawValue)"),
                        created: mail.createdAt.map(dates.dateAndTime) ?? "",
                        error: mail.lastError.isEmpty ? nil : mail.lastError
                    )
                },
                pagination: try Pagination(page: page, total: total, basePath: SiteURL.outbox.path, request: request)
            ))
    }

    @Sendable func show(request: Request) async throws -> Response {
        guard let idText = request.parameters.get("message"), let id = UUID(uuidString: idText),
            let mail = try await OutgoingMail.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return try await request.render(
            "Mail/message",
            OutboxMessagePage(
                layout: request.layout(title: mail.subject, section: .none),
                heading: mail.subject, to: mail.toAddress,
                state: request.t("outbox.state_\(mail.state.rawValue)"),
                attempts: mail.attempts, error: mail.lastError.isEmpty ? nil : mail.lastError,
                text: mail.message.text, html: mail.message.html, attachments: mail.message.attachments.map(\.filename),
                backHref: SiteURL.outbox.path
            ))
    }
}
