import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered pages for visitors without a session, kept by address, language and a version
/// the page depends on (an edition's `activities_version`). Signed-in members, and anyone with
/// a session (a flash message, a form token), always get a fresh page. A full cache is simply
/// emptied: popular pages come back at once.
final class AnonymousPageCache: Sendable {
    struct Page: Sendable {
        let body: ByteBuffer
        let etag: String
        let contentLanguage: String
    }

    private let pages = NIOLockedValueBox<[String: Page]>([:])
    static let limit = 512

    /// The cache key for this request, or nil when the page must be made for this reader alone.
    static func key(for request: Request, version: Int) -> String? {
        guard request.method == .GET, request.cookies[request.application.sessions.configuration.cookieName] == nil,
            request.signedIn == nil
        else { return nil }
        return "\(request.language.rawValue)|\(version)|\(request.url.path)?\(request.url.query ?? "")"
    }

    func response(for key: String, request: Request) -> Response? {
        guard let page = pages.withLockedValue({ $0[key] }) else { return nil }
        if request.headers.first(name: .ifNoneMatch) == page.etag {
            return Self.headers(Response(status: .notModified), page: page)
        }
        return Self.headers(Response(status: .ok, body: .init(buffer: page.body)), page: page)
    }

    /// Keeps a freshly rendered page and marks the response with its ETag.
    func store(_ response: Response, key: String) -> Response {
        guard response.status == .ok, let body = response.body.buffer else { return response }
        let etag = "\"\(UInt64(bitPattern: Int64(key.hashValue)) ^ UInt64(body.readableBytes))\""
        let page = Page(body: body, etag: etag, contentLanguage: response.headers.first(name: .contentLanguage) ?? "sv")
        pages.withLockedValue { pages in
            if pages.count >= Self.limit { pages.removeAll() }
            pages[key] = page
        }
        return Self.headers(response, page: page)
    }

    private static func headers(_ response: Response, page: Page) -> Response {
        response.headers.replaceOrAdd(name: .eTag, value: page.etag)
        response.headers.replaceOrAdd(name: .contentLanguage, value: page.contentLanguage)
        response.headers.replaceOrAdd(name: .contentType, value: "text/html; charset=utf-8")
        response.headers.replaceOrAdd(name: .vary, value: "Cookie, Accept-Language")
        return response
    }
}

extension Application {
    private struct AnonymousPageCacheKey: StorageKey { typealias Value = AnonymousPageCache }

    var anonymousPages: AnonymousPageCache {
        if let cache = storage[AnonymousPageCacheKey.self] { return cache }
        let cache = AnonymousPageCache()
        storage[AnonymousPageCacheKey.self] = cache
        return cache
    }
}
