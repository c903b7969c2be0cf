import Foundation
import Vapor

/// `/notifications`: a member's notifications. `Notifications/list`.
struct NotificationsPage: Encodable {
    struct Row: Encodable {
        let text: String
        let message: String?
        let when: String
        let href: String
        let unread: Bool
    }

    let layout: LayoutContext
    let heading: String
    let count: String
    let rows: [Row]
    let pagination: Pagination
    let readAllAction: String?
    let profileHref: String
    let csrf: String
}
