/// What a signed-in person may do on the whole site. Per-item rights (an organisation's owner,
/// a local group's organiser) belong to the capabilities; these are the site-wide ones the
/// route guards know. Higher roles include the lower ones.
enum Role: String, Codable, CaseIterable, Sendable, Comparable {
    case member, moderator, admin

    private var rank: Int {
        switch self {
        case .member: 0
        case .moderator: 1
        case .admin: 2
        }
    }

    static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Admins and moderators edit the site's content.
    var canEditContent: Bool { self >= .moderator }
}
