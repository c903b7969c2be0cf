import Fluent
import Vapor

/// Who may publish and change which events. The network's moderators and admins may change
/// every event; a member may publish events for the organisations they act for and the local
/// groups they organise, and change the events that name one of those.
struct EventAccess {
    let member: Member?
    let organisationIDs: Set<UUID>
    let groupIDs: Set<UUID>

    private struct Key: StorageKey { typealias Value = EventAccess }

    /// Read once per request: the editor's rights check, the form's own-organiser rule and the
    /// page all ask.
    static func of(_ request: Request) async throws -> EventAccess {
        if let known = request.storage[Key.self] { return known }
        guard let member = request.auth.get(Member.self), let memberID = member.id else {
            return EventAccess(member: nil, organisationIDs: [], groupIDs: [])
        }
        let access = EventAccess(
            member: member,
            organisationIDs: try await OrganisationMembership.organisationIDs(of: memberID, on: request.db),
            groupIDs: try await LocalGroupOrganiser.groupIDs(of: memberID, on: request.db))
        request.storage[Key.self] = access
        return access
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
        return owns(groupID: event.$localGroup.id, organisationIDs: try await event.organisationIDs(on: database))
    }

    /// The members an event belongs to, told when moderators unpublish it.
    static func owners(of event: Event, on database: any Database) async throws -> [Member] {
        var people: [Member] = []
        if let groupID = event.$localGroup.id {
            people += try await LocalGroupOrganiser.people(of: groupID, on: database)
        }
        for organisationID in try await event.organisationIDs(on: database) {
            people += try await OrganisationMembership.people(of: organisationID, on: database)
        }
        return people
    }
}

extension Event {
    /// The organisations the event names.
    func organisationIDs(on database: any Database) async throws -> [UUID] {
        try await EventOrganisation.query(on: database).filter(\.$event.$id == requireID()).all().map(
            \.$organisation.id)
    }

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
        try await Notifier(request).tell(
            staff, .unpublishedEventChanged, values: ["title": title], link: showURL.path,
            except: request.auth.get(Member.self), on: database)
    }
}
