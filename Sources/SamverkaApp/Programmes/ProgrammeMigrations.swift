import Fluent

struct CreateProgramme: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programmes")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("first_day", .datetime, .required)
            .field("last_day", .datetime, .required)
            .field("submission_opens_at", .datetime, .required)
            .field("submission_closes_at", .datetime)
            .field("public_from", .datetime, .required)
            .field("themes", .array(of: .json), .required)
            .field("target_groups", .array(of: .json), .required)
            .field("requires_public_party", .bool, .required)
            .field("max_activities_per_organisation", .int)
            .field("activities_version", .int, .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programmes").delete()
    }
}
