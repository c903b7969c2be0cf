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

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "samverka", metricName: "http_requests", unitName: "total",
            helpText: "Requests answered, by route pattern, method and status")
    }
    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "samverka", metricName: "http_request_duration", unitName: "seconds",
            helpText: "Time from a request's arrival to its answer, by route pattern and method")
    }
    private static var inFlight: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "samverka", metricName: "http_requests_in_flight", unitName: "",
            helpText: "Requests being answered now")
    }
    private static var pageCache: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "samverka", metricName: "page_cache_lookups", unitName: "total",
            helpText: "Public page cache lookups for visitors, by result (hit or miss)")
    }

    func answered(route: String, method: String, status: UInt, after duration: Duration) {
        let labels = [("route", route), ("method", method)]
        registry.makeCounter(descriptor: Self.requests, labels: labels + [("status", "\(status)")]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: Self.latencyBuckets)
            .record(duration)
    }

    var requestsInFlight: Gauge { registry.makeGauge(descriptor: Self.inFlight) }

    func pageCacheLookup(hit: Bool) {
        registry.makeCounter(descriptor: Self.pageCache, labels: [("result", hit ? "hit" : "miss")]).increment()
    }

    /// A figure read when `/metrics` is scraped (a queue's length), from any capability.
    func reading(
        _ name: String, help: String, _ read: @escaping @Sendable (Application) async throws -> Double
    ) {
        let gauge = registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "samverka", metricName: name, unitName: "", helpText: help))
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
