import Fluent
import SQLKit

/// Makes the activities' full-text index, each database its own way (see `ActivitySearchQueries`).
/// A shipped migration: its SQL is written out here, not shared with live code, so a later change
/// to search cannot rewrite what an existing database was given. A new index is a new migration.
struct CreateActivitySearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name != "postgresql" {
            try await sql.raw(
                "CREATE VIRTUAL TABLE activity_search USING fts5(activity_id UNINDEXED, body, tokenize = 'trigram')"
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER activity_search_insert AFTER INSERT ON activities BEGIN
                  INSERT INTO activity_search (activity_id, body) VALUES (new.id, new.search_text);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER activity_search_update AFTER UPDATE OF search_text ON activities BEGIN
                  DELETE FROM activity_search WHERE activity_id = old.id;
                  INSERT INTO activity_search (activity_id, body) VALUES (new.id, new.search_text);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER activity_search_delete AFTER DELETE ON activities BEGIN
                  DELETE FROM activity_search WHERE activity_id = old.id;
                END
                """
            ).run()
        } else {
            try await sql.raw(
                "ALTER TABLE activities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('swedish', search_text)) STORED"
            ).run()
            try await sql.raw("CREATE INDEX activities_search_vector ON activities USING GIN (search_vector)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name != "postgresql" {
            for trigger in ["activity_search_insert", "activity_search_update", "activity_search_delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS activity_search").run()
        } else {
            try await sql.raw("DROP INDEX IF EXISTS activities_search_vector").run()
            try await sql.raw("ALTER TABLE activities DROP COLUMN IF EXISTS search_vector").run()
        }
    }
}
