import Fluent
import Foundation

/// A member acting for an organisation, with a role; or asking to, until an owner accepts.
final class OrganisationMembership: Model, @unchecked Sendable {
    static let schema = "organisation_members"

    enum Role: String, Codable, CaseIterable, Sendable {
        /// Edits the organisation and decides who else acts for it.
        case owner
        /// Edits the organisation and acts for it (submits activities).
        case editor
    }

    enum Status: String, Codable, Sendable {
        case active
        /// Asked to join; waits for an owner.
        case requested
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "member_id") var member: Member
    @Field(key: "role") var role: Role
    @Field(key: "status") var status: Status

    init() {}

    init(organisationID: UUID, memberID: UUID, role: Role, status: Status) {
        $organisation.id = organisationID
        $member.id = memberID
        self.role = role
        self.status = status
    }

    /// The organisations a member acts for (active memberships).
    static func organisationIDs(of memberID: UUID, on database: any Database) async throws -> Set<UUID> {
        Set(
            try await query(on: database).filter(\.$member.$id == memberID).filter(\.$status == .active).all().map(
                \.$organisation.id))
    }

    /// The people who act for an organisation; `ownersOnly`, those who decide who joins.
    static func people(
        of organisationID: UUID, ownersOnly: Bool = false, on database: any Database
    ) async throws -> [Member] {
        let memberships = query(on: database).filter(\.$organisation.$id == organisationID).filter(\.$status == .active)
            .with(\.$member)
        if ownersOnly { memberships.filter(\.$role == .owner) }
        return try await memberships.all().map(\.member)
    }
}
