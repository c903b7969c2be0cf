import Fluent

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
