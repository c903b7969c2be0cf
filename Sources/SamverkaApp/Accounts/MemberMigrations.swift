import Fluent
import Foundation
import SQLKit

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

/// Email confirmation and "sign out everywhere". Accounts made before confirmation existed
/// count as confirmed: their owners have been signing in with them.
struct AddAccountStateToMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds only one per ALTER TABLE.
        try await database.schema("members").field("email_confirmed_at", .datetime).update()
        try await database.schema("members").field("session_generation", .int, .required, .sql(.default(0))).update()
        // Everyone who had an account then counts as confirmed. Plain SQL rather than the live
        // `Member` model, so that later changes to the model cannot change what this step does.
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update("members").set("email_confirmed_at", to: Date()).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("members").deleteField("email_confirmed_at").update()
        try await database.schema("members").deleteField("session_generation").update()
    }
}

/// Admins may suspend a member, with a reason the member is shown.
struct AddSuspensionToMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("members").field("suspended_at", .datetime).update()
        try await database.schema("members").field("suspension_reason", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("members").deleteField("suspended_at").update()
        try await database.schema("members").deleteField("suspension_reason").update()
    }
}

struct CreateMemberAdminLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("member_admin_log")
            .id()
            .field("created_at", .datetime)
            .field("admin_id", .uuid, .references("members", "id", onDelete: .setNull))
            .field("member_id", .uuid, .references("members", "id", onDelete: .setNull))
            .field("member_name", .string, .required)
            .field("action", .string, .required)
            .field("detail", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("member_admin_log").delete()
    }
}

/// Two-factor sign-in with an authenticator app, and recovery codes.
struct AddTwoFactorToMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("members").field("totp_secret", .string, .required, .sql(.default(""))).update()
        try await database.schema("members").field("totp_enabled_at", .datetime).update()
        try await database.schema("members").field("totp_last_step", .int64, .required, .sql(.default(0))).update()
        try await database.schema("members").field("recovery_codes", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["totp_secret", "totp_enabled_at", "totp_last_step", "recovery_codes"] {
            try await database.schema("members").deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
