import FluentPostgresDriver
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

/// The moment tests live in, so "upcoming" and "past" never drift: 1 January 2026, noon UTC.
let testNow = Date(timeIntervalSince1970: 1_767_268_800)

/// Runs `body` against a fully configured Samverka with its own empty, migrated database:
/// in-memory SQLite by default, a fresh PostgreSQL database when `DATABASE_URL` is set. Tests
/// sign in many people from one client, so rate limiting is off unless a test asks for it; then its
/// clock stands still, so the test's tries count against one minute however slowly they run.
func withSamverka(
    now: Date = testNow, rateLimitPerMinute: Int = 0, _ body: (Application) async throws -> Void
) async throws {
    let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "samverka-test-\(UUID().uuidString)"
    ).path
    let database = try await TestDatabases.make()
    let app = try await Application.make(.testing)
    app.clock = AppClock(now: { now })
    do {
        try await configure(
            app,
            settings: AppSettings(
                database: database.location, dataDirectory: dataDirectory, passwordCost: 4,
                rateLimitPerMinute: rateLimitPerMinute))
        app.rateLimiter = RateLimiter(perMinute: rateLimitPerMinute, uptime: { 0 })
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        try? await database.drop()
        try? FileManager.default.removeItem(atPath: dataDirectory)
        throw error
    }
    try await app.asyncShutdown()
    try await database.drop()
    try? FileManager.default.removeItem(atPath: dataDirectory)
}

/// One database for one test.
struct TestDatabase {
    let location: AppSettings.DatabaseLocation
    let drop: @Sendable () async throws -> Void
}

enum TestDatabases {
    static func make() async throws -> TestDatabase {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            return TestDatabase(location: .sqliteMemory, drop: {})
        }
        let name = "samverka_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await PostgresAdmin.shared.execute("CREATE DATABASE \(name)", serverURL: url)
        guard var components = URLComponents(string: url) else {
            throw Abort(.internalServerError, reason: "DATABASE_URL is not a URL")
        }
        components.path = "/" + name
        let testURL = components.string ?? url
        return TestDatabase(
            location: .postgres(url: testURL),
            drop: {
                try await PostgresAdmin.shared.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", serverURL: url)
            })
    }
}

/// A connection to the server's main database, kept for the whole test run, through which
/// tests create and drop their own databases.
actor PostgresAdmin {
    static let shared = PostgresAdmin()
    /// A task rather than an optional application: the actor is re-entered while the first
    /// caller awaits, and a second application must never be made.
    private var connecting: Task<Application, any Error>?

    func execute(_ sql: String, serverURL: String) async throws {
        let task =
            connecting
            ?? Task {
                let app = try await Application.make(.testing)
                // Every test asks for its database through this one connection at the start of the
                // run, so the queue is long: wait as long as it takes, not the default ten seconds.
                app.databases.use(try .postgres(url: serverURL, connectionPoolTimeout: .minutes(5)), as: .psql)
                return app
            }
        connecting = task
        let app = try await task.value
        guard let database = app.db as? any SQLDatabase else { return }
        try await database.raw(SQLQueryString(sql)).run()
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
}
