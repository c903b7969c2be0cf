import Fluent
import Foundation
import Vapor

/// An actor: a municipality, region, agency, association, company, university or network.
/// Not an account: members act for it through an `OrganisationMembership`.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "sector") var sector: Sector
    /// `NNNNNN-NNNN`, check digit verified.
    @OptionalField(key: "organisation_number") var organisationNumber: String?
    @OptionalField(key: "municipality_code") var municipalityCode: String?
    @OptionalField(key: "website") var website: String?
    /// Markdown.
    @Field(key: "description") var description: String
    @OptionalField(key: "logo") var logo: String?
    /// Set when an admin has checked that the organisation is who it says it is.
    @OptionalField(key: "verified_at") var verifiedAt: Date?

    @Children(for: \.$organisation) var memberships: [OrganisationMembership]

    init() {}
}

extension Organisation {
    static func find(slug: String, on database: any Database) async throws -> Organisation? {
        try await query(on: database).filter(\.$slug == slug).first()
    }

    /// The organisation the address names (`{slug}`), or 404: the one lookup its pages, its
    /// calendar and the API share.
    static func find(slugIn request: Request) async throws -> Organisation {
        guard let slug = request.parameters.get("slug"), let organisation = try await find(slug: slug, on: request.db)
        else {
            throw Abort(.notFound)
        }
        return organisation
    }

    var isVerified: Bool { verifiedAt != nil }

    /// What an admin's verification vouches for: a change to any of these takes the badge away.
    struct VerifiedFacts: Equatable {
        let name: String
        let organisationNumber: String?
        let sector: Sector
    }

    var verifiedFacts: VerifiedFacts {
        VerifiedFacts(name: name, organisationNumber: organisationNumber, sector: sector)
    }
}
