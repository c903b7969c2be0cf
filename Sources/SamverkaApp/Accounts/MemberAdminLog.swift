import Fluent
import Foundation

/// What admins did to members: role changes and suspensions, who did them and when. Kept when
/// either account is deleted, with the member's name as it was.
final class MemberAdminLog: Model, UnpublishedRecord, @unchecked Sendable {
    static let schema = "member_admin_log"

    enum Action: String, Codable, Sendable {
        case roleChanged = "role_changed"
        case suspended
        case reinstated
        /// The network's two-factor requirement changed; `detail` is the new `TwoFactorPolicy`.
        case twoFactorRequired = "two_factor_required"
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

    /// `member` is nil for a step that concerns the whole network.
    init(admin: Member, member: Member?, action: Action, detail: String) {
        $admin.id = admin.id
        $member.id = member?.id
        memberName = member?.name ?? ""
        self.action = action
        self.detail = detail
    }
}
