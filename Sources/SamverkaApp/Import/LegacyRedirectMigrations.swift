import Fluent

struct CreateLegacyRedirect: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("legacy_redirects")
            .id()
            .field("path", .string, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .unique(on: "path")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("legacy_redirects").delete()
    }
}
