import Fluent
import SQLKit

/// What calendar feeds need besides the content: a revision number on events and activities
/// (iCalendar's SEQUENCE) and each member's secret address for the feed of their own sign-ups.
struct AddCalendarFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["events", "activities"] {
            try await database.schema(table).field("calendar_sequence", .int, .required, .sql(.default(0))).update()
        }
        // Empty until the member first asks for their feed.
        try await database.schema("members").field("calendar_token", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        for table in ["events", "activities"] {
            try await database.schema(table).deleteField("calendar_sequence").update()
        }
        try await database.schema("members").deleteField("calendar_token").update()
    }
}

/// Events imported from an organisation's calendar remember the entry's UID, so importing the
/// file again updates them instead of adding them twice.
struct AddEventImportUID: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("events").field("import_uid", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("events").deleteField("import_uid").update()
    }
}
