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
