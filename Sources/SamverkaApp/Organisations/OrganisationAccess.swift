import Fluent
import Vapor

/// Who may do what with one organisation. Routes guard by sign-in; these checks decide per
/// organisation, so a member of one organisation can never change another.
struct OrganisationAccess {
    let member: Member?
    /// The member's own active membership, if any.
    let membership: OrganisationMembership?
    /// A request to join that waits for an owner.
    let pendingRequest: OrganisationMembership?

    static func of(
        _ member: Member?, in organisation: Organisation, on database: any Database
    ) async throws -> OrganisationAccess {
        guard let member, let memberID = member.id, let organisationID = organisation.id else {
            return OrganisationAccess(member: member, membership: nil, pendingRequest: nil)
        }
        let own = try await OrganisationMembership.query(on: database)
            .filter(\.$organisation.$id == organisationID)
            .filter(\.$member.$id == memberID)
            .first()
        return OrganisationAccess(
            member: member,
            membership: own?.status == .active ? own : nil,
            pendingRequest: own?.status == .requested ? own : nil
        )
    }

    var isAdmin: Bool { member?.role == .admin }
    /// Owners, editors and admins change the organisation's page.
    var canEdit: Bool { isAdmin || membership != nil }
    /// Owners and admins decide who acts for it.
    var canManageMembers: Bool { isAdmin || membership?.role == .owner }
    /// A signed-in member who is not in it and has not asked yet.
    var canAskToJoin: Bool { member != nil && membership == nil && pendingRequest == nil }

    func requireEdit() throws {
        guard canEdit else { throw Abort(.forbidden) }
    }

    func requireManageMembers() throws {
        guard canManageMembers else { throw Abort(.forbidden) }
    }
}
