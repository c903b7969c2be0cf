import Foundation
import Vapor

/// `/admin`: the admins' overview. `Admin/dashboard`.
struct DashboardPage: Encodable {
    struct Queue: Encodable {
        let name: String
        let href: String
        let waiting: String
        let oldest: String?
    }

    struct Item: Encodable {
        let title: String
        let href: String
        let detail: String
    }

    let layout: LayoutContext
    let heading: String
    let queues: [Queue]
    let joinRequests: String
    let requests: [Item]
    let unverifiedCount: String
    let unverified: [Item]
    let outbox: String?
    let outboxHref: String?
    let membersHref: String?
}
