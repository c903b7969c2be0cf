import Fluent
import Foundation
import SQLKit

/// Queries about programmes that more than one place needs: the atomic version bumps (SQL
/// beyond Fluent, written for both dialects) and an organisation's public activities.
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

    /// The organisation's approved activities in editions that are public, as organiser or
    /// confirmed partner, soonest first.
    static func publicActivities(
        of id: UUID, on database: any Database, now: Date
    ) async throws -> [(Activity, Programme)] {
        let partnerOf = try await ActivityPartner.query(on: database)
            .filter(\.$organisation.$id == id).filter(\.$confirmedAt != nil).all().map(\.$activity.id)
        let activities = try await Activity.query(on: database)
            .group(.or) { either in
                either.filter(\.$organisation.$id == id)
                either.filter(\.$id ~~ partnerOf)
            }
            .filter(\.$status == .approved)
            .with(\.$programme)
            .sort(\.$startsAt)
            .all()
        return activities.filter { $0.programme.isPublic(at: now) }.map { ($0, $0.programme) }
    }
}
