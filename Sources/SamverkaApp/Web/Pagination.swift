import Vapor

/// One page of a longer list, and the links to its neighbours.
struct Pagination: Encodable {
    let page: Int
    let pageCount: Int
    let previousHref: String?
    let nextHref: String?
    let label: String

    static let pageSize = 20

    /// The page asked for by `?page=`, at least 1.
    static func requestedPage(_ request: Request) -> Int {
        max(1, (try? request.query.get(Int.self, at: "page")) ?? 1)
    }

    init(page: Int, total: Int, pageSize: Int = Pagination.pageSize, basePath: String, queryKey: String = "page", request: Request) {
        let pageCount = max(1, (total + pageSize - 1) / pageSize)
        self.page = page
        self.pageCount = pageCount
        // The base may carry a filter's own query already.
        let separator = basePath.contains("?") ? "&" : "?"
        func href(_ number: Int) -> String { basePath + separator + "\(queryKey)=\(number)" }
        previousHref = page > 1 ? href(min(page - 1, pageCount)) : nil
        nextHref = page < pageCount ? href(page + 1) : nil
        label = request.t("pagination.page_of", ["page": "\(page)", "count": "\(pageCount)"])
    }
}
