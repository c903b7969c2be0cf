import Fluent
import Foundation
import Vapor

/// A member who publishes events for a local group: appointed by the network's staff or by
/// another organiser of the group.
final class LocalGroupOrganiser: Model, @unchecked Sendable {
    static let schema = "local_group_organisers"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "local_group_id") var localGroup: LocalGroup
    @Parent(key: "member_id") var member: Member

    init() {}

    init(groupID: UUID, memberID: UUID) {
        $localGroup.id = groupID
        $member.id = memberID
    }

    /// The groups a member organises.
    static func groupIDs(of memberID: UUID, on database: any Database) async throws -> Set<UUID> {
        Set(try await query(on: database).filter(\.$member.$id == memberID).all().map(\.$localGroup.id))
    }

    /// The members who organise a group.
    static func people(of groupID: UUID, on database: any Database) async throws -> [Member] {
        try await query(on: database).filter(\.$localGroup.$id == groupID).with(\.$member).all().map(\.member)
    }

    /// Staff, or an organiser of this group.
    static func mayManage(_ group: LocalGroup, request: Request) async throws -> Bool {
        if request.canEditContent { return true }
        guard let memberID = request.auth.get(Member.self)?.id else { return false }
        return try await LocalGroupOrganiser.groupIDs(of: memberID, on: request.db).contains(group.requireID())
    }
}

struct CreateLocalGroupOrganiser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("local_group_organisers")
            .id()
            .field("created_at", .datetime)
            .field("local_group_id", .uuid, .required, .references("local_groups", "id", onDelete: .cascade))
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .unique(on: "local_group_id", "member_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("local_group_organisers").delete()
    }
}
