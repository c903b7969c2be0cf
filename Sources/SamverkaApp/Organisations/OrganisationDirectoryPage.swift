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

    static func make(
        _ request: Request, page: Int
    ) async throws -> (selection: OrganisationController.Selection, shown: [Organisation], total: Int) {
        let query = SearchText.from(request)
        let sector = (try? request.query.get(String.self, at: "sector")).flatMap(Sector.init(rawValue:))
        guard let sql = request.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let select = sql.select().column("id").column("name").from(Organisation.schema).orderBy("name")
        if let sector { select.where("sector", .equal, sector.rawValue) }
        let matching = try await select.all(decoding: Row.self).filter {
            query.isEmpty || OrganisationController.matches($0.name, query)
        }
        let ids = matching.dropFirst((page - 1) * Pagination.pageSize).prefix(Pagination.pageSize).map(\.id)
        let loaded = try await Organisation.query(on: request.db).filter(\.$id ~~ Array(ids)).all()
        let byID = Dictionary(
            uniqueKeysWithValues: loaded.compactMap { organisation in
                organisation.id.map { ($0, organisation) }
            })
        // The selection carries the filters for the page's links; its rows are the page's own.
        return (
            OrganisationController.Selection(query: query, sector: sector, organisations: []),
            ids.compactMap { byID[$0] }, matching.count
        )
    }
}
