import Fluent
import Foundation
import Vapor

/// Deletes a member and what is theirs: every holder in `app.personalData` first may refuse
/// (`ErasureRefused`), then settles what others must hear of (a seat passes to the next in line),
/// then removes or makes anonymous its part in one transaction with the member. What the member
/// worked on for others (organisations, activities, events) stays: it belongs to them.
struct AccountDeletion: Sendable {
    /// The site must keep someone who can run it.
    struct LastAdmin: Error {}

    /// Accounts' own tables that name members: sign-in links go with the member, and the admin
    /// log keeps what was done without the name (their foreign keys say so).
    static let ownTables = [AccountToken.schema, MemberAdminLog.schema]

    let app: Application
    let now: Date

    func delete(_ member: Member) async throws {
        let memberID = try member.requireID()
        if member.role == .admin, try await Member.query(on: app.db).filter(\.$role == .admin).count() <= 1 {
            throw LastAdmin()
        }
        let context = PersonalDataContext(app: app, now: now, baseURL: app.settings.publicURL)
        let holders = app.personalData.holders
        for holder in holders { try await holder.refuseErasure(memberID, context) }
        for holder in holders { try await holder.prepareErasure(memberID, context) }
        try await app.db.transaction { database in
            for holder in holders { try await holder.erase(memberID, context, on: database) }
            try await member.delete(on: database)
        }
    }
}
