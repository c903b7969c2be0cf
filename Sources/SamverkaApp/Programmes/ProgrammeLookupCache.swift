import Fluent
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Editions by slug for the public pages, so that a page served from the anonymous page cache
/// costs no database round trip at all.
///
/// An entry lives one second: changes made by another app instance show within that. Every
/// write request this instance handles empties the memo (`ForgetAfterWritesMiddleware`), so its
/// own changes show at once. Entries are read-only snapshots; editors load their own copy.
final class ProgrammeLookupCache: Sendable {
    private struct Entry {
        let programme: Programme
        let loadedAt: NIODeadline
    }

    static let lifetime = TimeAmount.seconds(1)
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    func programme(slug: String, on database: any Database) async throws -> Programme? {
        let now = NIODeadline.now()
        if let entry = entries.withLockedValue({ $0[slug] }), now - entry.loadedAt < Self.lifetime {
            return entry.programme
        }
        guard let programme = try await Programme.find(slug: slug, on: database) else { return nil }
        entries.withLockedValue { entries in
            if entries.count >= 256 { entries.removeAll() }
            entries[slug] = Entry(programme: programme, loadedAt: now)
        }
        return programme
    }

    func forgetAll() {
        entries.withLockedValue { $0.removeAll() }
    }
}

/// Empties the in-process lookups after any request that may have changed data.
struct ForgetAfterWritesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            return try await next.respond(to: request)
        default:
            defer { request.application.programmeLookups.forgetAll() }
            return try await next.respond(to: request)
        }
    }
}

extension Application {
    private struct ProgrammeLookupCacheKey: StorageKey { typealias Value = ProgrammeLookupCache }

    var programmeLookups: ProgrammeLookupCache {
        if let cache = storage[ProgrammeLookupCacheKey.self] { return cache }
        let cache = ProgrammeLookupCache()
        storage[ProgrammeLookupCacheKey.self] = cache
        return cache
    }
}
