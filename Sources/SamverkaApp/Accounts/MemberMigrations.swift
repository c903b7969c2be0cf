import Fluent

struct CreateMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("members")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("language", .string, .required)
            .unique(on: "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("members").delete()
    }
}
