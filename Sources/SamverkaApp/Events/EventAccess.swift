import Fluent
import Vapor

/// Who may publish and change which events. The network's moderators and admins may change
/// every event; a member may publish events for the organisations they act for and the local
/// groups they organise, and change the events that name one of those.
struct EventAccess {
    let member: Member?
    let organisationIDs: Set<UUID>
    let groupIDs: Set<UUID>

    static func of(_ request: Request) async throws -> EventAccess {
        guard let member = request.auth.get(Member.self), let memberID = member.id else {
            return EventAccess(member: nil, organisationIDs: [], groupIDs: [])
        }
        let memberships = try await OrganisationMembership.query(on: request.db)
            .filter(\.$member.$id == memberID).filter(\.$status == .active).all()
        return EventAccess(member: member, organisationIDs: Set(memberships.map(\.$organisation.id)),
                           groupIDs: try await LocalGroupOrganiser.groupIDs(of: memberID, on: request.db))
    }

    var isStaff: Bool { member?.role.canEditContent ?? false }
    var canCreate: Bool { isStaff || !organisationIDs.isEmpty || !groupIDs.isEmpty }

    /// Whether an event with this group and these organisations belongs to the member.
    func owns(groupID: UUID?, organisationIDs named: [UUID]) -> Bool {
        groupID.map(groupIDs.contains) == true || named.contains(where: organisationIDs.contains)
    }

    func canEdit(_ event: Event, on database: any Database) async throws -> Bool {
        if isStaff { return true }
        guard member != nil, canCreate else { return false }
        let named = try await EventOrganisation.query(on: database).filter(\.$event.$id == event.requireID()).all().map(\.$organisation.id)
        return owns(groupID: event.$localGroup.id, organisationIDs: named)
    }

    /// The members an event belongs to, told when moderators unpublish it.
    static func owners(of event: Event, on database: any Database) async throws -> [Member] {
        var people: [Member] = []
        if let groupID = event.$localGroup.id { people += try await LocalGroupOrganiser.people(of: groupID, on: database) }
        let named = try await EventOrganisation.query(on: database).filter(\.$event.$id == event.requireID()).all().map(\.$organisation.id)
        for organisationID in named { people += try await Notifier.people(of: organisationID, on: database) }
        return people
    }
}

extension Event {
    static func mayCreate(_ request: Request) async throws -> Bool {
        try await EventAccess.of(request).canCreate
    }

    func mayEdit(_ request: Request) async throws -> Bool {
        try await EventAccess.of(request).canEdit(self, on: request.db)
    }

    var isUnpublished: Bool { unpublishedAt != nil }

    /// The network's moderators and admins hear that the owners have changed it.
    func changedWhileUnpublished(by request: Request, on database: any Database) async throws {
        let staff = try await Member.query(on: database).filter(\.$role ~~ [.moderator, .admin]).all()
        try await Notifier(request).tell(staff, .unpublishedEventChanged, values: ["title": title], link: showURL.path,
                                         except: request.auth.get(Member.self), on: database)
    }
}
