import Fluent
import Foundation

/// A civic-tech project in the directory.
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "slug") var slug: String
    @Field(key: "language") var language: Language
    @OptionalField(key: "translation_key") var translationKey: String?
    @Field(key: "title") var title: String
    @Field(key: "excerpt") var excerpt: String
    @Field(key: "ingress") var ingress: String
    @Field(key: "body") var body: String
    @OptionalField(key: "image") var image: String?
    @Field(key: "links") var links: [ContentLink]
    @Field(key: "contacts") var contacts: [ContactPerson]
    /// Where people chat about the project: a URL, or a channel name on the network's chat.
    @OptionalField(key: "chat") var chat: String?
    /// Subject words ("mobility", "Design"); categories and tags of the old site together.
    @Field(key: "tags") var tags: [String]
    /// The date the project was added to the directory.
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalParent(key: "local_group_id") var localGroup: LocalGroup?

    @Siblings(through: ProjectEvent.self, from: \.$project, to: \.$event) var events: [Event]

    init() {}
}
