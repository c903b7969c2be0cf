import Fluent
import SQLKit
import Vapor

/// One page of the organisations directory: names are matched on light rows (id and name, no
/// models), and only the page's organisations are loaded whole. With thousands of organisations
/// a member's directory page then costs one narrow query and one of twenty rows, where loading
/// every organisation as a model cost a quarter of a second.
enum OrganisationDirectoryPage {
    private struct Row: Decodable {
        let id: UUID
        let name: String
    }

    /// The organisations `filter` selects on `page`, by name, and how many it selects in all.
    static func make(
        _ filter: OrganisationController.Filter, page: Int, on database: any Database
    ) async throws -> (shown: [Organisation], total: Int) {
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError) }
        let select = sql.select().column("id").column("name").from(Organisation.schema).orderBy("name")
        if let sector = filter.sector { select.where("sector", .equal, sector.rawValue) }
        let matching = try await select.all(decoding: Row.self).filter { filter.matches($0.name) }
        let ids = matching.dropFirst((page - 1) * Pagination.pageSize).prefix(Pagination.pageSize).map(\.id)
        let loaded = try await Organisation.query(on: database).filter(\.$id ~~ Array(ids)).all()
        let byID = Dictionary(
            uniqueKeysWithValues: loaded.compactMap { organisation in
                organisation.id.map { ($0, organisation) }
            })
        return (ids.compactMap { byID[$0] }, matching.count)
    }
}
