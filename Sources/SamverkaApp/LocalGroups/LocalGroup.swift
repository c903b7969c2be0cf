import Fluent
import Foundation

/// A chapter of the network in a city. Named `LocalGroup` because `Group` clashes with Fluent.
final class LocalGroup: Model, @unchecked Sendable {
    static let schema = "local_groups"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "slug") var slug: String
    @Field(key: "language") var language: Language
    /// Shared by an item and its translation in the other language.
    @OptionalField(key: "translation_key") var translationKey: String?
    @Field(key: "title") var title: String
    @Field(key: "excerpt") var excerpt: String
    @Field(key: "ingress") var ingress: String
    @Field(key: "body") var body: String
    @OptionalField(key: "image") var image: String?
    @Field(key: "contacts") var contacts: [ContactPerson]
    @Field(key: "partners") var partners: [Partner]

    init() {}
}

extension LocalGroup {
    /// The group's id and its translation partner's: a group's events and projects are often
    /// filed under its partner in the other language, so its lists look under both.
    func idsWithTranslation(on database: any Database) async throws -> [UUID] {
        let partner = try await translation(on: database)
        return [try requireID()] + (partner?.id.map { [$0] } ?? [])
    }
}
