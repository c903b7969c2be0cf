import Fluent
import Foundation
import SQLKit

/// SQL beyond Fluent for programmes: atomic version bumps, written for both dialects.
enum ProgrammeQueries {
    /// Marks the edition's activities as changed; call inside the transaction that changes them.
    static func activitiesChanged(_ programmeID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "UPDATE programmes SET activities_version = activities_version + 1 WHERE id = \(bind: programmeID)"
        ).run()
    }

    /// An organisation's name or sector changed: every edition may show it.
    static func organisationsChanged(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("UPDATE programmes SET activities_version = activities_version + 1").run()
    }
}
