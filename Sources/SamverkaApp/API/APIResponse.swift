import Foundation
import Vapor

/// How the API answers: JSON in snake_case with ISO 8601 times, an ETag for every answer (and
/// 304 when the client already has it), and pages by an opaque cursor.
enum APIResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable, request: Request) throws -> Response {
        let body = try encoder.encode(value)
        let tag = "W/\"" + SHA256.hash(data: body).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        let headers: HTTPHeaders = ["ETag": tag, "Cache-Control": "public, max-age=60"]
        if request.headers.clientHolds(etag: tag) { return Response(status: .notModified, headers: headers) }
        var all = headers
        all.contentType = .json
        return Response(status: .ok, headers: all, body: .init(data: body))
    }

    /// `limit` (1–100, default 50) and `cursor` from the query; a bad one is the client's error.
    struct Window {
        let offset: Int
        let limit: Int

        init(_ request: Request) throws {
            let limitText = try? request.query.get(String.self, at: "limit")
            guard let limit = limitText.map(Int.init) ?? 50, (1...100).contains(limit) else {
                throw Abort(.badRequest, reason: "limit must be a whole number from 1 to 100")
            }
            self.limit = limit
            // An empty `cursor=` is the first page, as a form or a client that always sends the field would expect.
            if let cursor = try? request.query.get(String.self, at: "cursor"), !cursor.isEmpty {
                guard let offset = Self.offset(in: cursor) else {
                    throw Abort(.badRequest, reason: "cursor is not one this API gave out")
                }
                self.offset = offset
            } else {
                offset = 0
            }
        }

        func page<Item: Encodable>(_ all: [Item]) -> API.Page<Item> {
            let slice = Array(all.dropFirst(offset).prefix(limit))
            let next = offset + limit < all.count ? Self.cursor(for: offset + limit) : nil
            return API.Page(data: slice, total: all.count, nextCursor: next)
        }

        /// The items of this page only, for lists made item by item.
        func range(of count: Int) -> Range<Int> { min(offset, count)..<min(offset + limit, count) }

        func page<Item: Encodable>(_ items: [Item], total: Int) -> API.Page<Item> {
            API.Page(
                data: items, total: total, nextCursor: offset + limit < total ? Self.cursor(for: offset + limit) : nil)
        }

        /// "o" and the offset: opaque to clients, and exactly what the OpenAPI pattern `^(o[0-9]{1,7})?$`
        /// says, so a client (or a schema-driven tester) can tell a cursor from garbage before asking.
        static func cursor(for offset: Int) -> String { "o\(offset)" }

        static func offset(in cursor: String) -> Int? {
            guard cursor.first == "o", (2...8).contains(cursor.count), cursor.dropFirst().isAllASCIIDigits,
                let offset = Int(cursor.dropFirst()), offset >= 0
            else { return nil }
            return offset
        }
    }
}

/// The API is read only: any method but reading is refused as not allowed (405, saying which are),
/// before sessions or CSRF could answer otherwise. Inside the error middleware, so it is problem+json.
struct ReadOnlyAPIMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/"), ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        throw Abort(
            .methodNotAllowed, headers: ["Allow": "GET, HEAD, OPTIONS"], reason: "the API is read only: use GET")
    }
}

/// CORS for the API: any site may read it from a browser; a preflight is answered here.
struct APIHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.url.path.hasPrefix("/api/") else { return try await next.respond(to: request) }
        let response = request.method == .OPTIONS ? Response(status: .noContent) : try await next.respond(to: request)
        response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
        response.headers.replaceOrAdd(name: .accessControlAllowMethods, value: "GET, HEAD, OPTIONS")
        response.headers.replaceOrAdd(name: .accessControlAllowHeaders, value: "If-None-Match")
        response.headers.replaceOrAdd(name: .accessControlExpose, value: "ETag")
        response.headers.replaceOrAdd(name: .accessControlMaxAge, value: "86400")
        return response
    }
}
