import Fluent
import Foundation

/// The local groups a member organises; the groups and what they published stay.
struct LocalGroupPersonalData: PersonalDataHolder {
    struct Organiser: Encodable, Sendable {
        let group: String
        let page: String
        let since: Date?
    }

    let section = "localGroups"
    let tables = [LocalGroupOrganiser.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        try await LocalGroupOrganiser.query(on: context.database).filter(\.$member.$id == memberID)
            .with(\.$localGroup).sort(\.$createdAt).all()
            .map {
                Organiser(
                    group: $0.localGroup.title,
                    page: context.baseURL + SiteURL.groups(.show(.value($0.localGroup.slug))).path,
                    since: $0.createdAt)
            }
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        try await LocalGroupOrganiser.query(on: database).filter(\.$member.$id == memberID).delete()
    }
}
