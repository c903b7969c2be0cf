import Fluent
import Vapor

/// Moderators take an event off the site, saying why, and put it back. The members it belongs
/// to are told both times, in the site and by mail.
struct EventPublicationController: Sendable {
    static let reasonLimit = 1_000

    private struct Input: Content {
        var reason: String?
    }

    @Sendable func unpublish(request: Request) async throws -> Response {
        let event = try await Event.find(slugIn: request)
        let reason = ((try? request.content.decode(Input.self))?.reason ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= Self.reasonLimit else {
            request.flash(
                request.t(
                    reason.isEmpty ? "event.unpublish_needs_reason" : "error.too_long", ["max": "\(Self.reasonLimit)"]))
            return request.redirect(to: event.showURL.path, redirectType: .normal)
        }
        let moderator = try request.auth.require(Member.self)
        try await request.db.transaction { database in
            event.unpublishedReason = reason
            try await event.save(on: database)
            try await event.delete(on: database)
            try await Notifier(request).tell(
                try await EventAccess.owners(of: event, on: database), .eventUnpublished,
                values: ["title": event.title, "message": reason], link: event.showURL.path,
                except: moderator, on: database)
        }
        request.flash(request.t("flash.event_unpublished", ["title": event.title]))
        return request.redirect(to: event.showURL.path, redirectType: .normal)
    }

    @Sendable func republish(request: Request) async throws -> Response {
        guard let slug = request.parameters.get("slug"),
            let event = try await Event.find(slug: slug, includingUnpublished: true, on: request.db)
        else { throw Abort(.notFound) }
        let moderator = try request.auth.require(Member.self)
        if event.unpublishedAt != nil {
            try await request.db.transaction { database in
                try await event.restore(on: database)
                event.unpublishedReason = nil
                try await event.save(on: database)
                try await Notifier(request).tell(
                    try await EventAccess.owners(of: event, on: database), .eventRepublished,
                    values: ["title": event.title], link: event.showURL.path, except: moderator, on: database)
            }
        }
        request.flash(request.t("flash.event_republished", ["title": event.title]))
        return request.redirect(to: event.showURL.path, redirectType: .normal)
    }
}
