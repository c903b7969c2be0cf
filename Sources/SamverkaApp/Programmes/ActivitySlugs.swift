import Fluent
import SQLKit
import Vapor

/// Readable activity addresses, `/programmes/{edition}/{slug}`: the slug comes from the first
/// title, is unique in its edition and never one of the edition's own pages.
enum ActivitySlugs {
    /// Words the edition's own pages use right under its address.
    static let reserved: Set<String> = ["activities", "edit", "review", "statistics", "new"]

    /// A free slug for `title` among `taken`: the title's, else with -2, -3 … after it.
    static func free(for title: String, taken: Set<String>) -> String {
        let base = String(Slug.make(from: title).prefix(Slug.maximumLength - 8))
        let stem = base.isEmpty ? "aktivitet" : base
        var candidate = stem
        var number = 1
        while taken.contains(candidate) || reserved.contains(candidate) {
            number += 1
            candidate = stem + "-\(number)"
        }
        return candidate
    }

    /// Gives a new activity its slug, unless it has one.
    static func assign(_ activity: Activity, programmeID: UUID, on database: any Database) async throws {
        guard activity.slug.isEmpty else { return }
        let stem = Slug.make(from: activity.title)
        let taken = try await Activity.query(on: database).filter(\.$programme.$id == programmeID)
            .filter(\.$slug, .custom("LIKE"), (stem.isEmpty ? "aktivitet" : stem) + "%").all().map(\.slug)
        activity.slug = free(for: activity.title, taken: Set(taken))
    }
}

/// Existing activities get their slug from their title, edition by edition, oldest first.
/// History: it reads and writes the table as it was then, with the slug rule of its day copied
/// below, so a later change to `Activity`, `Slug` or `ActivitySlugs` cannot change what it does.
struct AddSlugToActivities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("activities").field("slug", .string, .required, .sql(.default(""))).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.assignSlugs(on: sql)
        try await sql.raw("CREATE UNIQUE INDEX activities_programme_slug ON activities (programme_id, slug)").run()
    }

    /// Every saved activity's slug, edition by edition, oldest first.
    static func assignSlugs(on sql: any SQLDatabase) async throws {
        struct Row: Decodable {
            let id: UUID
            let programme_id: UUID
            let title: String
        }
        let rows = try await sql.raw("SELECT id, programme_id, title FROM activities ORDER BY created_at, id").all(
            decoding: Row.self)
        var taken: [UUID: Set<String>] = [:]
        for row in rows {
            let slug = Self.freeSlug(for: row.title, taken: taken[row.programme_id] ?? [])
            taken[row.programme_id, default: []].insert(slug)
            try await sql.raw("UPDATE activities SET slug = \(bind: slug) WHERE id = \(bind: row.id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX activities_programme_slug").run()
        try await database.schema("activities").deleteField("slug").update()
    }

    /// The title's slug (at most 112 characters), or with -2, -3 … after it; never a word the
    /// edition's pages use.
    static func freeSlug(for title: String, taken: Set<String>) -> String {
        let folded = title.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "sv_SE")
        ).lowercased()
        var base = ""
        for character in folded {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                base.append(character)
            } else if !base.isEmpty && base.last != "-" {
                base.append("-")
            }
        }
        while base.hasSuffix("-") { base.removeLast() }
        let stem = base.isEmpty ? "aktivitet" : String(base.prefix(112))
        var candidate = stem
        var number = 1
        while taken.contains(candidate) || ["activities", "edit", "review", "statistics", "new"].contains(candidate) {
            number += 1
            candidate = stem + "-\(number)"
        }
        return candidate
    }
}
