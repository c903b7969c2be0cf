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
struct AddSlugToActivities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("activities").field("slug", .string, .required, .sql(.default(""))).update()
        let activities = try await Activity.query(on: database).sort(\.$createdAt).sort(\.$id).all()
        var taken: [UUID: Set<String>] = [:]
        for activity in activities {
            let slug = ActivitySlugs.free(for: activity.title, taken: taken[activity.$programme.id] ?? [])
            taken[activity.$programme.id, default: []].insert(slug)
            try await Activity.query(on: database).filter(\.$id == activity.requireID()).set(\.$slug, to: slug).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE UNIQUE INDEX activities_programme_slug ON activities (programme_id, slug)").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("DROP INDEX activities_programme_slug").run()
        try await database.schema("activities").deleteField("slug").update()
    }
}
