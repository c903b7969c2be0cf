import Fluent
import Vapor

/// A member's notifications: the list (newest first, unread marked), opening one (which marks
/// it read and leads to what it is about), and marking them all read.
struct NotificationsController: Sendable {
    static let pageSize = 30

    @Sendable func list(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let memberID = try member.requireID()
        let page = Pagination.requestedPage(request)
        let mine = MemberNotification.query(on: request.db).filter(\.$member.$id == memberID)
        let total = try await mine.copy().count()
        let shown = try await mine.sort(\.$createdAt, .descending).sort(\.$id)
            .range(lower: (page - 1) * Self.pageSize, upper: page * Self.pageSize).all()
        let unread = request.unreadNotifications
        let dates = request.dates
        let heading = request.t("notifications.title")
        let response = try await request.render(
            "Notifications/list",
            NotificationsPage(
                layout: request.layout(title: heading, section: .account), heading: heading,
                count: request.t("notifications.unread_count", count: unread),
                rows: shown.map { notification in
                    let values = notification.values
                    return NotificationsPage.Row(
                        text: request.t("notification.\(notification.kind.rawValue)", values),
                        message: values["message"].flatMap { $0.isEmpty ? nil : $0 },
                        when: notification.createdAt.map { dates.dateAndTime($0) } ?? "",
                        href: SiteURL.notification(.value(notification.id?.uuidString ?? "")).path,
                        unread: notification.readAt == nil
                    )
                },
                pagination: try Pagination(
                    page: page, total: total, pageSize: Self.pageSize, basePath: SiteURL.notifications.path,
                    request: request),
                readAllAction: unread > 0 ? SiteURL.notificationsRead.path : nil,
                profileHref: SiteURL.accountProfile.path,
                csrf: request.csrfToken
            ))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// Marks the notification read and goes where it leads. Only the member's own: anyone
    /// else's is "not found", as if it did not exist.
    @Sendable func open(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        guard let text = request.parameters.get("notification"), let id = UUID(uuidString: text),
            let notification = try await MemberNotification.find(id, on: request.db),
            notification.$member.id == member.id
        else { throw Abort(.notFound) }
        if notification.readAt == nil {
            notification.readAt = request.now
            try await notification.save(on: request.db)
        }
        // Only ever a path on this site, as it was stored.
        let target =
            notification.link.hasPrefix("/") && !notification.link.hasPrefix("//")
            ? notification.link : SiteURL.notifications.path
        return request.redirect(to: target, redirectType: .normal)
    }

    @Sendable func readAll(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        try await MemberNotification.query(on: request.db).filter(\.$member.$id == member.requireID()).filter(
            \.$readAt == nil
        )
        .set(\.$readAt, to: request.now).update()
        request.flash(request.t("flash.notifications_read"))
        return request.redirect(to: SiteURL.notifications.path, redirectType: .normal)
    }
}

/// Counts the signed-in member's unread notifications once per request, for the bell in the
/// header. Visitors cost nothing.
struct UnreadNotificationsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let memberID = request.auth.get(Member.self)?.id, request.method == .GET {
            request.unreadNotifications = try await MemberNotification.unreadCount(of: memberID, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
