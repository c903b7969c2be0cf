import Foundation
import Vapor

/// `/admin/outbox`: mail waiting, sent and failed. `Mail/outbox`.
struct OutboxListPage: Encodable {
    struct Row: Encodable {
        let href: String
        let subject: String
        let to: String
        let state: String
        let created: String
        let error: String?
    }

    let layout: LayoutContext
    let heading: String
    let deliveryNote: String
    let rows: [Row]
    let pagination: Pagination
}

/// `/admin/outbox/{id}`: one message as it is sent. `Mail/message`.
struct OutboxMessagePage: Encodable {
    let layout: LayoutContext
    let heading: String
    let to: String
    let state: String
    let attempts: Int
    let error: String?
    let text: String
    /// Shown in a sandboxed frame: the mail's HTML runs nothing and reaches nothing here.
    let html: String
    let attachments: [String]
    let backHref: String
}
