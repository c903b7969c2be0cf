import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Per-client allowances for the forms a script could flood: signing up to events, confirming
/// a guest's address, creating accounts and signing in. Each client has a bucket per purpose
/// that holds `perMinute` tries and refills evenly over a minute; an empty bucket answers 429
/// with `Retry-After` at once, so a flood costs the server almost nothing and nobody else waits.
final class RateLimiter: Sendable {
    enum Purpose: String, Sendable {
        case registration, guestConfirmation, signIn, accountCreation
    }

    private struct Bucket {
        var tokens: Double
        var updated: UInt64
    }

    let perMinute: Int
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])
    /// Past this many clients, full buckets (idle clients) are forgotten.
    private let forgetAbove = 10_000

    /// `perMinute` 0 turns limiting off.
    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes one try from the client's bucket: nil when allowed, else the seconds until the next.
    func take(_ purpose: Purpose, client: String, at nanoseconds: UInt64 = NIODeadline.now().uptimeNanoseconds) -> Int? {
        guard perMinute > 0 else { return nil }
        let capacity = Double(perMinute)
        let perNanosecond = capacity / 60e9
        return buckets.withLockedValue { buckets in
            let key = purpose.rawValue + "|" + client
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: nanoseconds)
            let elapsed = Double(nanoseconds &- bucket.updated)
            bucket.tokens = min(capacity, bucket.tokens + max(0, elapsed) * perNanosecond)
            bucket.updated = nanoseconds
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                buckets[key] = bucket
                if buckets.count > forgetAbove { forgetIdle(&buckets, at: nanoseconds, perNanosecond: perNanosecond, capacity: capacity) }
                return nil
            }
            buckets[key] = bucket
            return Int(((1 - bucket.tokens) / perNanosecond / 1e9).rounded(.up))
        }
    }

    private func forgetIdle(_ buckets: inout [String: Bucket], at now: UInt64, perNanosecond: Double, capacity: Double) {
        buckets = buckets.filter { _, bucket in bucket.tokens + Double(now &- bucket.updated) * perNanosecond < capacity }
    }
}

/// Applies the limiter to one route. The client is the signed-in member when there is one (so
/// colleagues behind one office address do not share an allowance), else the address the
/// request came from: the peer, or with `SAMVERKA_BEHIND_PROXY` the one the proxy reports.
struct RateLimitMiddleware: AsyncMiddleware {
    let purpose: RateLimiter.Purpose

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let wait = request.application.rateLimiter.take(purpose, client: Self.client(of: request)) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": "\(wait)"])
        }
        return try await next.respond(to: request)
    }

    static func client(of request: Request) -> String {
        if let member = request.auth.get(Member.self), let id = member.id { return "member:" + id.uuidString }
        if request.application.settings.behindProxy,
           let forwarded = request.headers.first(name: "X-Forwarded-For")?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return request.remoteAddress?.ipAddress ?? "unknown"
    }
}

extension Application {
    private struct RateLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// Set up in `configure` from the settings.
    var rateLimiter: RateLimiter {
        get {
            guard let limiter = storage[RateLimiterKey.self] else { fatalError("configure(_:settings:) sets up the rate limiter") }
            return limiter
        }
        set { storage[RateLimiterKey.self] = newValue }
    }
}
