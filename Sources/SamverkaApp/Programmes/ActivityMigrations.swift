import Fluent
import SQLKit

struct CreateActivity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("activities")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("programme_id", .uuid, .required, .references("programmes", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("description", .string, .required)
            .field("format", .string, .required)
            .field("starts_at", .datetime)
            .field("ends_at", .datetime)
            .field("municipality_code", .string)
            .field("all_sweden", .bool, .required)
            .field("venue", .string, .required)
            .field("address", .string, .required)
            .field("online_url", .string)
            .field("themes", .array(of: .string), .required)
            .field("target_groups", .array(of: .string), .required)
            .field("language", .string, .required)
            .field("step_free", .bool, .required)
            .field("hearing_loop", .bool, .required)
            .field("sign_language", .bool, .required)
            .field("captions", .bool, .required)
            .field("accessibility_notes", .string, .required)
            .field("sign_up", .string, .required)
            .field("sign_up_url", .string)
            .field("image", .string)
            .field("submitted_at", .datetime)
            .field("review_message", .string, .required)
            .field("pending_changes", .json)
            .field("search_text", .string, .required)
            .create()
        try await database.schema("activity_partners")
            .id()
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("confirmed_at", .datetime)
            .unique(on: "activity_id", "organisation_id")
            .create()
        try await database.schema("activity_log")
            .id()
            .field("created_at", .datetime)
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("member_id", .uuid, .references("members", "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("message", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("activity_log").delete()
        try await database.schema("activity_partners").delete()
        try await database.schema("activities").delete()
    }
}

/// An edition's activities are read by edition everywhere; without this index every such read
/// (a search for a short word among them) went through the activities of every edition.
struct AddProgrammeIndexToActivities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX activities_programme_id ON activities (programme_id)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX activities_programme_id").run()
    }
}
