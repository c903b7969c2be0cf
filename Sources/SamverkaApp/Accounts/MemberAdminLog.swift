import Fluent
import Foundation

/// What admins did to members: role changes and suspensions, who did them and when. Kept when
/// either account is deleted, with the member's name as it was.
final class MemberAdminLog: Model, @unchecked Sendable {
    static let schema = "member_admin_log"

    enum Action: String, Codable, Sendable {
        case roleChanged = "role_changed"
        case suspended
        case reinstated
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalParent(key: "admin_id") var admin: Member?
    @OptionalParent(key: "member_id") var member: Member?
    @Field(key: "member_name") var memberName: String
    @Field(key: "action") var action: Action
    /// The new role, or the reason given for a suspension.
    @Field(key: "detail") var detail: String

    init() {}

    init(admin: Member, member: Member, action: Action, detail: String) {
        $admin.id = admin.id
        $member.id = member.id
        memberName = member.name
        self.action = action
        self.detail = detail
    }
}
