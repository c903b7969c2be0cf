import Fluent
import SQLKit
import Vapor

/// Images uploaded with a form that nothing refers to any more (replaced, their item deleted,
/// or their form never finished) are removed by `samverka purge` a day after they were stored.
struct UploadChores: Sendable {
    /// A form being put right keeps its image for this long before it counts as abandoned.
    static let grace: TimeInterval = 86_400
    /// Where content refers to uploaded images: the image fields and the Markdown texts.
    static let references: [(table: String, columns: [String])] = [
        ("events", ["image", "ingress", "body"]), ("projects", ["image", "ingress", "body"]),
        ("local_groups", ["image", "ingress", "body"]),
        ("organisations", ["logo", "description"]), ("activities", ["image", "description"]),
        ("programmes", ["description"]),
    ]

    let app: Application
    let now: Date

    func purge() async throws -> Int {
        let folder = app.settings.uploadsDirectory + "/images"
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder), !names.isEmpty else { return 0 }
        let referenced = try await referencedNames()
        var removed = 0
        for name in names where !referenced.contains(name) {
            let path = folder + "/" + name
            guard let stored = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                now.timeIntervalSince(stored) > Self.grace
            else { continue }
            try manager.removeItem(atPath: path)
            removed += 1
        }
        return removed
    }

    private func referencedNames() async throws -> Set<String> {
        guard let sql = app.db as? any SQLDatabase else { return [] }
        var texts: [String] = []
        for (table, columns) in Self.references {
            for column in columns {
                let rows = try await sql.select().column(SQLIdentifier(column)).from(table)
                    .where(SQLIdentifier(column), .like, "%/uploads/images/%").all()
                texts += rows.compactMap { try? $0.decode(column: column, as: String?.self) ?? nil }
            }
        }
        // Changes waiting for review refer to images too.
        for activity in try await Activity.query(on: app.db).filter(\.$pendingChanges != nil).all() {
            texts += [activity.pendingChanges?.image, activity.pendingChanges?.description].compactMap { $0 }
        }
        var names = Set<String>()
        for text in texts {
            for match in text.matches(of: /\/uploads\/images\/([A-Za-z0-9._-]+)/) { names.insert(String(match.1)) }
        }
        return names
    }
}
