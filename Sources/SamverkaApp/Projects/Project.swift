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

/// Links a project to an event it took part in.
final class ProjectEvent: Model, @unchecked Sendable {
    static let schema = "project_events"

    @ID var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Parent(key: "event_id") var event: Event

    init() {}
}

struct CreateProject: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("slug", .string, .required)
            .field("language", .string, .required)
            .field("translation_key", .string)
            .field("title", .string, .required)
            .field("excerpt", .string, .required)
            .field("ingress", .string, .required)
            .field("body", .string, .required)
            .field("image", .string)
            .field("links", .array(of: .json), .required)
            .field("contacts", .array(of: .json), .required)
            .field("chat", .string)
            .field("tags", .array(of: .string), .required)
            .field("published_at", .datetime)
            .field("local_group_id", .uuid, .references("local_groups", "id", onDelete: .setNull))
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("projects").delete()
    }
}

struct CreateProjectEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("project_events")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .unique(on: "project_id", "event_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("project_events").delete()
    }
}
