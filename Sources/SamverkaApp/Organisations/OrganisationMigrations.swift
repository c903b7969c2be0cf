import Fluent

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("sector", .string, .required)
            .field("organisation_number", .string)
            .field("municipality_code", .string)
            .field("website", .string)
            .field("description", .string, .required)
            .field("logo", .string)
            .field("verified_at", .datetime)
            .unique(on: "slug")
            .unique(on: "organisation_number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}

struct CreateOrganisationMembership: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisation_members")
            .id()
            .field("created_at", .datetime)
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("status", .string, .required)
            .unique(on: "organisation_id", "member_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisation_members").delete()
    }
}
