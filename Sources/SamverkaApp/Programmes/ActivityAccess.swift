import Fluent
import Vapor

/// Who may see and change one activity. An organiser acts through an active membership of the
/// submitting organisation; a partner organisation's people may see it and confirm their part;
/// moderators and admins review.
struct ActivityAccess {
    let member: Member?
    /// Organisations the member acts for (active memberships), by id.
    let organisationIDs: Set<UUID>

    static func of(_ member: Member?, on database: any Database) async throws -> ActivityAccess {
        guard let member, let memberID = member.id else { return ActivityAccess(member: nil, organisationIDs: []) }
        return ActivityAccess(
            member: member,
            organisationIDs: try await OrganisationMembership.organisationIDs(of: memberID, on: database))
    }

    var isReviewer: Bool { member?.role.canEditContent ?? false }

    func canEdit(_ activity: Activity) -> Bool {
        organisationIDs.contains(activity.$organisation.id) || member?.role == .admin
    }

    func isPartner(_ partners: [ActivityPartner]) -> Bool {
        partners.contains { organisationIDs.contains($0.$organisation.id) }
    }

    /// Approved activities are public once the edition is; everything else only for the people
    /// involved and the reviewers.
    func canSee(_ activity: Activity, partners: [ActivityPartner], programme: Programme, now: Date) -> Bool {
        ProgrammeLookup.isListed(activity, in: programme, at: now) || canEdit(activity) || isPartner(partners)
            || isReviewer
    }
}
