import Fluent
import Foundation

/// The steps a member took on activities (submitted, reviewed, confirmed as a partner…). The
/// steps stay in the activities' history without the name once the account is gone.
struct ActivityLogPersonalData: PersonalDataHolder {
    struct Step: Encodable, Sendable {
        let activity: String
        let step: String
        let message: String
        let at: Date?
    }

    let section = "activityLog"
    let tables = [ActivityLogEntry.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        try await ActivityLogEntry.query(on: context.database).filter(\.$member.$id == memberID)
            .with(\.$activity).sort(\.$createdAt).all()
            .map { Step(activity: $0.activity.title, step: $0.kind.rawValue, message: $0.message, at: $0.createdAt) }
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        try await ActivityLogEntry.query(on: database).filter(\.$member.$id == memberID).set(\.$member.$id, to: nil)
            .update()
    }
}

/// The activities in a member's own programme.
struct StarredActivityPersonalData: PersonalDataHolder {
    struct Starred: Encodable, Sendable {
        let activity: String
        let page: String
        let at: Date?
    }

    let section = "starred"
    let tables = [StarredActivity.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        try await StarredActivity.query(on: context.database).filter(\.$member.$id == memberID)
            .with(\.$activity) { $0.with(\.$programme) }.sort(\.$createdAt).all()
            .map {
                Starred(
                    activity: $0.activity.title,
                    page: context.baseURL
                        + SiteURL.programmes(.activity(.value($0.activity.programme.slug), .value($0.activity.slug)))
                        .path,
                    at: $0.createdAt)
            }
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        try await StarredActivity.query(on: database).filter(\.$member.$id == memberID).delete()
    }
}
