import Foundation
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// What an operator's Prometheus scrapes from `/metrics`: requests and their latency per route,
/// the public page cache's hits and misses, and figures capabilities report when asked (the
/// outbox's queue, the sign-up queue). Kept in a registry of this application's own, so that
/// several applications in one process (the tests) never share counts.
final class SiteMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Figures read when scraped rather than counted as they happen.
    private let readings = NIOLockedValueBox<[(Gauge, @Sendable (Application) async throws -> Double)]>([])

    /// From a quarter millisecond (a kept page) to five seconds (something is wrong).
    static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
    ]

    /// Requests being answered now.
    let requestsInFlight: Gauge
    private let pageCacheHits: Counter
    private let pageCacheMisses: Counter

    init() {
        requestsInFlight = registry.makeGauge(
            descriptor: Self.named("http_requests_in_flight", help: "Requests being answered now"))
        let lookups = Self.named(
            "page_cache_lookups", unit: "total", help: "Public page cache lookups for visitors, by result (hit or miss)"
        )
        pageCacheHits = registry.makeCounter(descriptor: lookups, labels: [("result", "hit")])
        pageCacheMisses = registry.makeCounter(descriptor: lookups, labels: [("result", "miss")])
    }

    /// Every figure's name starts `samverka_`.
    private static func named(_ name: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "samverka", metricName: name, unitName: unit, helpText: help)
    }

    func answered(route: String, method: String, status: UInt, after duration: Duration) {
        let labels = [("route", route), ("method", method)]
        let requests = Self.named(
            "http_requests", unit: "total", help: "Requests answered, by route pattern, method and status")
        registry.makeCounter(descriptor: requests, labels: labels + [("status", "\(status)")]).increment()
        let latency = Self.named(
            "http_request_duration", unit: "seconds",
            help: "Time from a request's arrival to its answer, by route pattern and method")
        registry.makeDurationHistogram(descriptor: latency, labels: labels, buckets: Self.latencyBuckets)
            .record(duration)
    }

    func pageCacheLookup(hit: Bool) {
        (hit ? pageCacheHits : pageCacheMisses).increment()
    }

    /// A figure read when `/metrics` is scraped (a queue's length), from any capability.
    func reading(
        _ name: String, help: String, _ read: @escaping @Sendable (Application) async throws -> Double
    ) {
        let gauge = registry.makeGauge(descriptor: Self.named(name, help: help))
        readings.withLockedValue { $0.append((gauge, read)) }
    }

    /// The exposition text, with every reading taken now.
    func scrape(_ app: Application) async -> String {
        for (gauge, read) in readings.withLockedValue({ $0 }) {
            if let value = try? await read(app) { gauge.set(value) }
        }
        return registry.emitToString()
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = SiteMetrics }

    var metrics: SiteMetrics {
        get {
            guard let metrics = storage[MetricsKey.self] else { fatalError("configure() sets up the metrics") }
            return metrics
        }
        set { storage[MetricsKey.self] = newValue }
    }
}
