import Vapor

/// One page of a longer list, and the links to its neighbours.
struct Pagination: Encodable {
    let page: Int
    let pageCount: Int
    let previousHref: String?
    let nextHref: String?
    let label: String

    static let pageSize = 20
    /// No list comes near this many pages; the bound keeps `page * pageSize` far from overflow
    /// whatever number a request carries.
    static let maximumPage = 100_000

    /// The page asked for by `?page=`, from 1 to `maximumPage`.
    static func requestedPage(_ request: Request) -> Int {
        let asked = (try? request.query.get(Int.self, at: "page")) ?? 1
        return min(max(1, asked), maximumPage)
    }

    /// The list's page `page` of `total` items; a page past the last one is not found, as a
    /// page that does not exist, rather than "page 99 of 14" with nothing on it.
    init(
        page: Int, total: Int, pageSize: Int = Pagination.pageSize, basePath: String, queryKey: String = "page",
        request: Request
    ) throws {
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        guard page <= pageCount else { throw Abort(.notFound) }
        self.page = page
        self.pageCount = pageCount
        // The base may carry a filter's own query already.
        let separator = basePath.contains("?") ? "&" : "?"
        func href(_ number: Int) -> String { basePath + separator + "\(queryKey)=\(number)" }
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = page < pageCount ? href(page + 1) : nil
        label = request.t("pagination.page_of", ["page": "\(page)", "count": "\(pageCount)"])
    }
}
