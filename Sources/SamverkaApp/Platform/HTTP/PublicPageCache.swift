import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Public answers as visitors without a session get them, kept by language, content version,
/// minute, address and query. Every visitor sees a public page alike, so once made it is sent
/// from memory until something it could show changes (`ContentVersions`) or the minute turns
/// (what is "upcoming", whether a call for activities is open). Members, anyone with a session
/// (a flash message, a form token) and API clients that send credentials always get a fresh one.
///
/// Memory is bounded in two generations: when the newer one is full the older is dropped, so
/// pages still asked for move forward and the rest are forgotten.
final class PublicPageCache: Sendable {
    struct Page: Sendable {
        let headers: HTTPHeaders
        let body: ByteBuffer
        let etag: String
    }

    private struct Generations {
        var newer: [String: Page] = [:]
        var older: [String: Page] = [:]
        var newerBytes = 0
    }

    /// Bytes of pages kept in each generation: 24 MB in all by default.
    let generationBytes: Int
    private let generations = NIOLockedValueBox(Generations())

    /// Whether a request that found no page makes it or waits for another request's.
    enum Turn {
        case make
        /// Another request made it: the page, or nil when it could not be kept (an error, a
        /// page for one reader), and the waiting request makes its own.
        case made(Page?)
    }

    /// Requests waiting for a page another request is making: when a page changes under load,
    /// or the minute turns, it is made once rather than by every connection at the same moment.
    private let making = NIOLockedValueBox<[String: [CheckedContinuation<Turn, Never>]]>([:])

    init(generationBytes: Int = 12 * 1024 * 1024) {
        self.generationBytes = generationBytes
    }

    func page(for key: String) -> Page? {
        generations.withLockedValue { generations in
            if let page = generations.newer[key] { return page }
            guard let page = generations.older.removeValue(forKey: key) else { return nil }
            add(page, key: key, to: &generations)
            return page
        }
    }

    func keep(_ page: Page, key: String) {
        generations.withLockedValue { add(page, key: key, to: &$0) }
    }

    /// `.make` for the first request to miss `key`; the others wait until it calls `made`.
    func turn(for key: String) async -> Turn {
        await withCheckedContinuation { continuation in
            let first = making.withLockedValue { making in
                guard making[key] == nil else {
                    making[key]?.append(continuation)
                    return false
                }
                making[key] = []
                return true
            }
            if first { continuation.resume(returning: .make) }
        }
    }

    /// The page for `key` is made (nil: it could not be kept); the requests waiting for it go on.
    func made(_ page: Page?, key: String) {
        if let page { keep(page, key: key) }
        for waiting in making.withLockedValue({ $0.removeValue(forKey: key) ?? [] }) {
            waiting.resume(returning: .made(page))
        }
    }

    /// Forgets every page: for a change to the application itself (its panels, its templates)
    /// rather than to its content.
    func forgetAll() {
        generations.withLockedValue { $0 = Generations() }
    }

    private func add(_ page: Page, key: String, to generations: inout Generations) {
        if generations.newerBytes + page.body.readableBytes > generationBytes {
            generations.older = generations.newer
            generations.newer = [:]
            generations.newerBytes = 0
        }
        generations.newer[key] = page
        generations.newerBytes += page.body.readableBytes
    }

    /// A strong validator of the body itself (FNV-1a), so every instance gives a page the same one.
    static func etag(of body: ByteBuffer) -> String {
        let hash = body.readableBytesView.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        return "\"\(String(hash, radix: 16))\""
    }
}

/// Sends a kept public page when there is one and keeps the one a handler makes; counts this
/// instance's write requests once they are done, so its own changes show at once.
///
/// It sits inside the language middleware (the language is part of the key) and outside the
/// handlers; only routes registered with `GuardedRoutes.page` are kept.
struct PublicPageCacheMiddleware: AsyncMiddleware {
    static let userInfoKey = "samverka.publicPage"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET:
            guard let key = await Self.key(for: request) else { return try await next.respond(to: request) }
            let cache = request.application.publicPages
            if let kept = cache.page(for: key) {
                request.application.metrics.pageCacheLookup(hit: true)
                return Self.response(kept, for: request)
            }
            switch await cache.turn(for: key) {
            case .made(let page?):
                request.application.metrics.pageCacheLookup(hit: true)
                return Self.response(page, for: request)
            case .made(nil):
                return try await next.respond(to: request)
            case .make:
                request.application.metrics.pageCacheLookup(hit: false)
            }
            let response: Response
            do {
                response = try await next.respond(to: request)
            } catch {
                cache.made(nil, key: key)
                throw error
            }
            let page = Self.keepable(response, for: request)
            cache.made(page, key: key)
            return page.map { Self.response($0, for: request) } ?? response
        case .HEAD, .OPTIONS:
            return try await next.respond(to: request)
        default:
            defer { request.application.contentVersions.noteWrite() }
            return try await next.respond(to: request)
        }
    }

    /// The page as every visitor may get it, or nil when it is not one: an error, or a handler
    /// that started a session (a form's token) and so made it for this reader.
    private static func keepable(_ response: Response, for request: Request) -> PublicPageCache.Page? {
        guard response.status == .ok, !request.hasSession, !response.headers.contains(name: .setCookie),
            let body = response.body.buffer
        else { return nil }
        var headers = response.headers
        headers.replaceOrAdd(name: .vary, value: "Cookie, Accept-Language")
        let etag = response.headers.first(name: .eTag) ?? PublicPageCache.etag(of: body)
        return PublicPageCache.Page(headers: headers, body: body, etag: etag)
    }

    /// The key of this request's page, or nil when the page must be made for this reader alone.
    private static func key(for request: Request) async -> String? {
        guard request.route?.userInfo[userInfoKey] as? Bool == true,
            request.cookies[request.application.sessions.configuration.cookieName] == nil,
            !request.headers.contains(name: .authorization),
            let version = await request.application.contentVersions.current(on: request.db)
        else { return nil }
        let minute = Int(request.now.timeIntervalSince1970 / 60)
        return "\(request.language.rawValue)|\(version)|\(minute)|\(request.url.path)?\(request.url.query ?? "")"
    }

    private static func response(_ page: PublicPageCache.Page, for request: Request) -> Response {
        var headers = page.headers
        headers.replaceOrAdd(name: .eTag, value: page.etag)
        if request.headers.clientHolds(etag: page.etag) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(buffer: page.body))
    }
}

extension Application {
    private struct PublicPageCacheKey: StorageKey { typealias Value = PublicPageCache }

    var publicPages: PublicPageCache {
        if let cache = storage[PublicPageCacheKey.self] { return cache }
        let cache = PublicPageCache()
        storage[PublicPageCacheKey.self] = cache
        return cache
    }
}
