import Fluent
import Vapor

/// Who publishes events for a local group. The network's staff and the group's organisers add a
/// member by the address of their account, and take one away; the member added is told.
struct LocalGroupOrganisersController: Sendable {
    private struct Input: Content {
        var email: String?
    }

    @Sendable func add(request: Request) async throws -> Response {
        let group = try await LocalGroup.find(slugIn: request)
        guard try await LocalGroupOrganiser.mayManage(group, request: request) else { throw Abort(.forbidden) }
        let email = ((try? request.content.decode(Input.self))?.email ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let back = group.showURL.path + "#organisers"
        guard email.count <= 320, let member = try await Member.find(email: email, on: request.db),
            member.suspendedAt == nil
        else {
            request.flash(request.t("group.organiser_unknown", ["email": String(email.prefix(320))]))
            return request.redirect(to: back, redirectType: .normal)
        }
        let groupID = try group.requireID()
        let memberID = try member.requireID()
        if try await LocalGroupOrganiser.groupIDs(of: memberID, on: request.db).contains(groupID) {
            request.flash(request.t("group.organiser_already", ["name": member.name]))
            return request.redirect(to: back, redirectType: .normal)
        }
        try await request.db.transaction { database in
            try await LocalGroupOrganiser(groupID: groupID, memberID: memberID).create(on: database)
            try await Notifier(request).tell(
                [member], .groupOrganiserAdded, values: ["group": group.title], link: group.showURL.path,
                except: request.auth.get(Member.self), on: database)
        }
        request.flash(request.t("group.organiser_added", ["name": member.name, "group": group.title]))
        return request.redirect(to: back, redirectType: .normal)
    }

    @Sendable func remove(request: Request) async throws -> Response {
        let group = try await LocalGroup.find(slugIn: request)
        guard try await LocalGroupOrganiser.mayManage(group, request: request) else { throw Abort(.forbidden) }
        guard let text = request.parameters.get("organiser"), let id = UUID(uuidString: text),
            let organiser = try await LocalGroupOrganiser.query(on: request.db).filter(\.$id == id)
                .filter(\.$localGroup.$id == group.requireID()).with(\.$member).first()
        else { throw Abort(.notFound) }
        try await organiser.delete(on: request.db)
        request.flash(request.t("group.organiser_removed", ["name": organiser.member.name, "group": group.title]))
        return request.redirect(to: group.showURL.path + "#organisers", redirectType: .normal)
    }
}
