import Fluent

struct CreateLocalGroup: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("local_groups")
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
            .field("contacts", .array(of: .json), .required)
            .field("partners", .array(of: .json), .required)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("local_groups").delete()
    }
}
