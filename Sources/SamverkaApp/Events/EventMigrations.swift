import Fluent

struct CreateEvent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events")
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
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)
            .field("date_description", .string, .required)
            .field("format", .string, .required)
            .field("place_name", .string, .required)
            .field("address", .string, .required)
            .field("municipality_code", .string)
            .field("online_url", .string)
            .field("links", .array(of: .json), .required)
            .field("partners", .array(of: .json), .required)
            .field("local_group_id", .uuid, .references("local_groups", "id", onDelete: .setNull))
            .field("status", .string, .required)
            .field("recurrence", .string, .required)
            .field("recurrence_until", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("events").delete()
    }
}

/// Moderators unpublish an event rather than delete it: see `Event.unpublishedAt`.
struct AddPublicationToEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("unpublished_at", .datetime).update()
        try await database.schema("events").field("unpublished_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("events").deleteField("unpublished_reason").update()
        try await database.schema("events").deleteField("unpublished_at").update()
    }
}

struct CreateEventOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("event_organisations")
            .id()
            .field("event_id", .uuid, .required, .references("events", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .unique(on: "event_id", "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("event_organisations").delete()
    }
}
