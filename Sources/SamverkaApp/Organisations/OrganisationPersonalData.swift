import Fluent
import Foundation

/// The organisations a member belongs to. An organisation must keep an owner, so a member who
/// alone owns one cannot delete their account until someone else owns it too.
struct OrganisationPersonalData: PersonalDataHolder {
    struct Role: Encodable, Sendable {
        let organisation: String
        let page: String
        let role: String
        let status: String
        let since: Date?
    }

    let section = "organisations"
    let tables = [OrganisationMembership.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        try await OrganisationMembership.query(on: context.database).filter(\.$member.$id == memberID)
            .with(\.$organisation).sort(\.$createdAt).all()
            .map {
                Role(
                    organisation: $0.organisation.name,
                    page: context.baseURL + SiteURL.organisations(.show(.value($0.organisation.slug))).path,
                    role: $0.role.rawValue, status: $0.status.rawValue, since: $0.createdAt)
            }
    }

    func refuseErasure(_ memberID: UUID, _ context: PersonalDataContext) async throws {
        try await refuseIfOnlyOwner(memberID, on: context.database)
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        // Checked again with the organisations taken, should another owner have left meanwhile.
        let owned = try await OrganisationMembership.query(on: database).filter(\.$member.$id == memberID).filter(
            \.$role == .owner
        ).all()
        try await OrganisationOwners.lock(owned.map(\.$organisation.id), on: database)
        try await refuseIfOnlyOwner(memberID, on: database)
        try await OrganisationMembership.query(on: database).filter(\.$member.$id == memberID).delete()
    }

    private func refuseIfOnlyOwner(_ memberID: UUID, on database: any Database) async throws {
        let alone = try await OrganisationOwners.onlyOwnerOf(memberID, on: database)
        guard alone.isEmpty else {
            throw ErasureRefused(key: "error.only_owner", values: ["organisations": alone.joined(separator: ", ")])
        }
    }
}
