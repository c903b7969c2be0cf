import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Per-client allowances for the forms a script could flood: signing up to events, confirming
/// a guest's address, creating accounts and signing in. Each client has a bucket per purpose
/// that holds `perMinute` tries and refills evenly over a minute; an empty bucket answers 429
/// with `Retry-After` at once, so a flood costs the server almost nothing and nobody else waits.
final class RateLimiter: Sendable {
    enum Purpose: String, Sendable {
        case registration, guestConfirmation, signIn, accountCreation, passwordReset, upload
        /// Asking for a registration's personal link to be mailed again.
        case mailedLink
        /// Sign-in tries against one account, from wherever they come.
        case signInAccount

        /// Forms that create or open accounts count by the client's address alone: counting by
        /// session or account would let a script refill its allowance by making new ones.
        var countsByAddress: Bool {
            switch self {
            case .signIn, .accountCreation, .passwordReset, .signInAccount, .mailedLink: true
            case .registration, .guestConfirmation, .upload: false
            }
        }
    }

    private struct Bucket {
        var tokens: Double
        var updated: UInt64
    }

    let perMinute: Int
    /// Monotonic nanoseconds; a test freezes it, so a slow machine cannot refill a bucket mid-test.
    private let uptime: @Sendable () -> UInt64
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])
    /// Past this many clients, full buckets (idle clients) are forgotten.
    private let forgetAbove = 10_000

    /// `perMinute` 0 turns limiting off.
    init(perMinute: Int, uptime: @escaping @Sendable () -> UInt64 = { NIODeadline.now().uptimeNanoseconds }) {
        self.perMinute = perMinute
        self.uptime = uptime
    }

    /// Takes one try from the client's bucket: nil when allowed, else the seconds until the next.
    func take(_ purpose: Purpose, client: String, at time: UInt64? = nil) -> Int? {
        guard perMinute > 0 else { return nil }
        let nanoseconds = time ?? uptime()
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
                if buckets.count > forgetAbove {
                    forget(&buckets, at: nanoseconds, perNanosecond: perNanosecond, capacity: capacity)
                }
                return nil
            }
            buckets[key] = bucket
            return Int(((1 - bucket.tokens) / perNanosecond / 1e9).rounded(.up))
        }
    }

    /// Forgets idle clients (full buckets); when a flood from ever new addresses leaves too
    /// many busy ones, the least recently seen go too, so memory stays bounded whatever comes.
    /// Takes one try, or refuses with 429 and `Retry-After`, which the error page keeps.
    func enforce(_ purpose: Purpose, client: String) throws {
        if let wait = take(purpose, client: client) {
            throw Abort(.tooManyRequests, headers: ["Retry-After": "\(wait)"])
        }
    }

    private func forget(_ buckets: inout [String: Bucket], at now: UInt64, perNanosecond: Double, capacity: Double) {
        buckets = buckets.filter { _, bucket in bucket.tokens + Double(now &- bucket.updated) * perNanosecond < capacity
        }
        guard buckets.count > forgetAbove * 9 / 10 else { return }
        let keep = buckets.sorted { $0.value.updated > $1.value.updated }.prefix(forgetAbove / 2)
        buckets = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
    }

    /// How many clients the limiter remembers now.
    var rememberedClients: Int { buckets.withLockedValue { $0.count } }
}

/// Applies the limiter to one route. The client is the signed-in member when there is one (so
/// colleagues behind one office address do not share an allowance), else the address the
/// request came from: the peer, or with `SAMVERKA_BEHIND_PROXY` the one the proxy reports.
struct RateLimitMiddleware: AsyncMiddleware {
    let purpose: RateLimiter.Purpose

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let client = purpose.countsByAddress ? Self.address(of: request) : Self.client(of: request)
        try request.application.rateLimiter.enforce(purpose, client: client)
        return try await next.respond(to: request)
    }

    static func client(of request: Request) -> String {
        if let id = request.signedIn?.id { return "member:" + id.uuidString }
        return address(of: request)
    }

    /// The client's address: the peer's, or behind a proxy the right-most address in
    /// X-Forwarded-For that is not one of the trusted proxies (anything left of it the client
    /// may have written itself).
    static func address(of request: Request) -> String {
        let peer = request.remoteAddress?.ipAddress ?? "unknown"
        let settings = request.application.settings
        guard settings.behindProxy else { return peer }
        let forwarded = request.headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return forwarded.reversed().first { !$0.isEmpty && !settings.trustedProxies.contains($0) } ?? peer
    }
}

extension Application {
    private struct RateLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// Set up in `configure` from the settings.
    var rateLimiter: RateLimiter {
        get {
            guard let limiter = storage[RateLimiterKey.self] else {
                fatalError("configure(_:settings:) sets up the rate limiter")
            }
            return limiter
        }
        set { storage[RateLimiterKey.self] = newValue }
    }
}
