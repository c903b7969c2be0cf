import Fluent
import Foundation
import SQLKit

/// One thing that happened to someone's work, told to one member: shown in their list of
/// notifications (the bell in the header counts the unread ones) and, if they want, mailed.
/// The text is written when it is shown, in the reader's language at that moment, from the
/// kind and the values kept here.
final class MemberNotification: Model, UnpublishedRecord, @unchecked Sendable {
    static let schema = "notifications"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case activitySubmitted = "activity_submitted"
        case activityApproved = "activity_approved"
        case activityChangesRequested = "activity_changes_requested"
        case activityRejected = "activity_rejected"
        case partnerAsked = "partner_asked"
        case partnerConfirmed = "partner_confirmed"
        case joinRequested = "join_requested"
        case joinAccepted = "join_accepted"
        case joinDeclined = "join_declined"
        case organisationVerified = "organisation_verified"
        case signUpReceived = "sign_up_received"
        case groupOrganiserAdded = "group_organiser_added"
        case eventUnpublished = "event_unpublished"
        case eventRepublished = "event_republished"
        case unpublishedEventChanged = "unpublished_event_changed"
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "member_id") var member: Member
    @Field(key: "kind") var kind: Kind
    /// The names the text needs (title, organisation, programme, a reviewer's message), as JSON.
    @Field(key: "values") var valuesJSON: String
    /// Where the notification leads: a path on this site.
    @Field(key: "link") var link: String
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(memberID: UUID, kind: Kind, values: [String: String], link: String) {
        $member.id = memberID
        self.kind = kind
        valuesJSON = (try? String(decoding: JSONEncoder().encode(values), as: UTF8.self)) ?? "{}"
        self.link = link
    }

    var values: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(valuesJSON.utf8))) ?? [:]
    }

    static func unreadCount(of memberID: UUID, on database: any Database) async throws -> Int {
        try await query(on: database).filter(\.$member.$id == memberID).filter(\.$readAt == nil).count()
    }
}

struct CreateMemberNotification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notifications")
            .id()
            .field("created_at", .datetime)
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("values", .string, .required)
            .field("link", .string, .required)
            .field("read_at", .datetime)
            .create()
        // The bell counts a member's unread ones on every page they see.
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX notifications_member_read ON notifications (member_id, read_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notifications").delete()
    }
}

/// What each member wants mailed, beside the list on the site.
struct AddNotificationChoicesToMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("members").field("notify_by_mail", .bool, .required, .sql(.default(true))).update()
        try await database.schema("members").field("notify_sign_ups", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("members").deleteField("notify_by_mail").update()
        try await database.schema("members").deleteField("notify_sign_ups").update()
    }
}
