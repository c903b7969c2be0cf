import Fluent
import Foundation

/// An activity a member has put in "my programme": the shortlist of a programme week they
/// mean to go to, with its own calendar feed.
final class StarredActivity: Model, UnpublishedRecord, @unchecked Sendable {
    static let schema = "starred_activities"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "member_id") var member: Member
    @Parent(key: "activity_id") var activity: Activity

    init() {}

    init(memberID: UUID, activityID: UUID) {
        $member.id = memberID
        $activity.id = activityID
    }

    /// Whether the member has starred the activity.
    static func exists(memberID: UUID, activityID: UUID, on database: any Database) async throws -> Bool {
        try await query(on: database).filter(\.$member.$id == memberID).filter(\.$activity.$id == activityID).count()
            > 0
    }

    /// The member's starred activities that the public may see (approved), in time order, with
    /// their editions.
    static func visible(memberID: UUID, on database: any Database) async throws -> [Activity] {
        let ids = try await query(on: database).filter(\.$member.$id == memberID).all().map(\.$activity.id)
        guard !ids.isEmpty else { return [] }
        return try await Activity.query(on: database).filter(\.$id ~~ ids).filter(\.$status == .approved)
            .with(\.$programme).with(\.$organisation).sort(\.$startsAt).all()
    }
}

struct CreateStarredActivity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("starred_activities")
            .id()
            .field("created_at", .datetime)
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .unique(on: "member_id", "activity_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("starred_activities").delete()
    }
}
