import Fluent
import Foundation

/// The notices on a member's notifications page.
struct NotificationPersonalData: PersonalDataHolder {
    struct Notice: Encodable, Sendable {
        let kind: String
        let values: [String: String]
        let page: String
        let at: Date?
        let readAt: Date?
    }

    let section = "notifications"
    let tables = [MemberNotification.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        try await MemberNotification.query(on: context.database).filter(\.$member.$id == memberID).sort(\.$createdAt)
            .all()
            .map {
                Notice(
                    kind: $0.kind.rawValue, values: $0.values, page: context.baseURL + $0.link, at: $0.createdAt,
                    readAt: $0.readAt)
            }
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        try await MemberNotification.query(on: database).filter(\.$member.$id == memberID).delete()
    }
}
