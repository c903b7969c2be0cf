import Fluent
import Foundation
import SQLKit

/// Full-text search over activities, each database with its own field-standard tool; the
/// dialect differences live here and nowhere else. On both, case and accents do not matter:
/// the text and the words are folded alike ("malmo" finds "Malmö").
///
/// - SQLite: an FTS5 table with the trigram tokenizer, kept in step with `activities.search_text`
///   by triggers. Any three letters of a word find it ("kommun" finds "kommunerna").
/// - PostgreSQL: a generated `tsvector` over `search_text` with the built-in `swedish`
///   configuration and a GIN index, so Swedish word forms find each other.
///
/// The index itself is made by `CreateActivitySearchIndex`, whose SQL stays as it shipped.
enum ActivitySearchQueries {
    enum Dialect {
        case sqlite, postgres

        init(_ database: any Database) throws {
            guard let sql = database as? any SQLDatabase else { throw SearchUnavailable() }
            self = sql.dialect.name == "postgresql" ? .postgres : .sqlite
        }
    }

    struct SearchUnavailable: Error {}

    /// The ids of the edition's activities that contain every word of `text`, case and accents
    /// aside (the stored text holds a folded copy, see `SearchText.searchable`).
    static func matching(_ text: String, programmeID: UUID, on database: any Database) async throws -> Set<UUID> {
        guard let sql = database as? any SQLDatabase else { throw SearchUnavailable() }
        let words = SearchText.folded(text).split(whereSeparator: \.isWhitespace).map(String.init).filter {
            !$0.isEmpty
        }
        guard !words.isEmpty else { return [] }
        struct Row: Decodable { let id: UUID }
        switch try Dialect(database) {
        case .sqlite:
            // A word of three letters or more is looked up in the trigram index, which SQLite
            // uses only for a LIKE without ESCAPE: so only for words with no `%`, `_` or `\`.
            // Any other word ("AI", "50%") is matched against the edition's own rows, never by
            // scanning every activity of every edition.
            var query = SQLQueryString(
                "SELECT a.id AS id FROM activities a WHERE a.programme_id = \(bind: programmeID)")
            for word in words {
                if word.count >= 3 && !word.contains(where: { "%_\\".contains($0) }) {
                    query.appendInterpolation(
                        unsafeRaw: " AND a.id IN (SELECT activity_id FROM activity_search WHERE body LIKE ")
                    query.appendInterpolation(bind: "%" + word + "%")
                    query.appendInterpolation(unsafeRaw: ")")
                } else {
                    query.appendInterpolation(unsafeRaw: " AND a.search_text LIKE ")
                    query.appendInterpolation(bind: "%" + escapeLike(word) + "%")
                    query.appendInterpolation(unsafeRaw: " ESCAPE '\\'")
                }
            }
            return Set(try await sql.raw(query).all(decoding: Row.self).map(\.id))
        case .postgres:
            let rows = try await sql.raw(
                """
                SELECT id FROM activities
                WHERE programme_id = \(bind: programmeID) AND search_vector @@ plainto_tsquery('swedish', \(bind: words.joined(separator: " ")))
                """
            ).all(decoding: Row.self)
            return Set(rows.map(\.id))
        }
    }

    private static func escapeLike(_ word: String) -> String {
        word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

/// Activities saved before search ignored accents get the folded copy of their search text;
/// the triggers (SQLite) and the generated column (PostgreSQL) follow. History: the folding rule
/// of its day is copied below, so a later change to `SearchText` cannot change what it does.
struct FoldActivitySearchText: AsyncMigration {
    func prepare(on database: any Database) async throws {
        struct Row: Decodable {
            let id: UUID
            let search_text: String
        }
        guard let sql = database as? any SQLDatabase else { return }
        let rows = try await sql.raw("SELECT id, search_text FROM activities").all(decoding: Row.self)
        for row in rows {
            let folded = Self.searchable(row.search_text)
            guard folded != row.search_text else { continue }
            try await sql.raw("UPDATE activities SET search_text = \(bind: folded) WHERE id = \(bind: row.id)").run()
        }
    }

    /// The folded copy does no harm to a search that does not expect it.
    func revert(on database: any Database) async throws {}

    /// The text followed by its lower-case, accent-free form where that differs.
    static func searchable(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded == text.lowercased() ? text : text + "\n" + folded
    }
}
