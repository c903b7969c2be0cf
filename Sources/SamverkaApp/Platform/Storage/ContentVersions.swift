import Fluent
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// A model whose rows no public page shows (sessions, tokens, mail, notifications, a member's
/// stars): saving one leaves the cached public pages alone, so a member browsing, signing in or
/// reading notifications does not empty the cache for everyone else.
protocol UnpublishedRecord {}

/// How far what public pages show has moved, as the key of every cached public page.
///
/// Two parts. The database keeps a counter per table, raised in the same transaction as each
/// write to a table a public page reads (`PublishedWritesMiddleware`), so a counter can never
/// be newer than the rows it counts; every instance reads their sum at most a second apart, which
/// is how another instance's change (or a command's, an import's) reaches this one's pages. And
/// this instance counts its own writes the moment they happen, and once more when a write
/// request has finished (after its transaction committed), so its own changes show at once.
final class ContentVersions: Sendable {
    static let table = "content_versions"
    static let freshness = TimeAmount.seconds(1)

    private struct State {
        /// The sum of the database's counters when last read.
        var stored = 0
        var readAt: NIODeadline?
        var reading = false
        /// This instance's own writes.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())

    /// The version to key a cached page by, or nil when the counters cannot be read (the page
    /// is then made afresh). One request at a time reads the database; the others meanwhile
    /// use the sum read less than a second before.
    func current(on database: any Database) async -> String? {
        let now = NIODeadline.now()
        let mustRead = state.withLockedValue { state -> Bool in
            let stale = state.readAt.map { now - $0 >= Self.freshness } ?? true
            guard stale, !state.reading else { return false }
            state.reading = true
            return true
        }
        if mustRead {
            let sum = try? await Self.storedSum(on: database)
            state.withLockedValue { state in
                state.reading = false
                if let sum {
                    state.stored = sum
                    state.readAt = now
                }
            }
            if sum == nil { return nil }
        }
        return state.withLockedValue { $0.readAt == nil ? nil : "\($0.stored).\($0.generation)" }
    }

    /// This instance wrote something a public page may show.
    func noteWrite() {
        state.withLockedValue { $0.generation &+= 1 }
    }

    /// Raises `table`'s counter on `database`, inside the caller's transaction when it has one.
    static func raise(_ table: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO \(unsafeRaw: Self.table) (name, version) VALUES (\(bind: table), 1)
            ON CONFLICT (name) DO UPDATE SET version = \(unsafeRaw: Self.table).version + 1
            """
        ).run()
    }

    private static func storedSum(on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw("SELECT version FROM \(unsafeRaw: Self.table)").all()
        return try rows.reduce(0) { $0 &+ (try $1.decode(column: "version", as: Int.self)) }
    }
}

/// Raises the table's counter after every write of a model public pages may show.
///
/// Fluent runs it for a single model's create, update, delete and restore. A batch create runs
/// it before its one insert, and a query's bulk `update()`/`delete()` not at all: writes of that
/// kind to a published table call `ContentVersions.raise` themselves.
struct PublishedWritesMiddleware: AnyModelMiddleware {
    let versions: ContentVersions

    func handle(
        _ event: ModelEvent, _ model: any AnyModel, on db: any Database, chainingTo next: any AnyModelResponder
    ) -> EventLoopFuture<Void> {
        guard !(model is any UnpublishedRecord) else { return next.handle(event, model, on: db) }
        let table = type(of: model).schema
        return next.handle(event, model, on: db).flatMap {
            db.eventLoop.makeFutureWithTask {
                try await ContentVersions.raise(table, on: db)
                versions.noteWrite()
            }
        }
    }
}

struct CreateContentVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("content_versions")
            .field("name", .string, .required)
            .field("version", .int64, .required)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("content_versions").delete()
    }
}

extension Application {
    private struct ContentVersionsKey: StorageKey { typealias Value = ContentVersions }

    var contentVersions: ContentVersions {
        if let versions = storage[ContentVersionsKey.self] { return versions }
        let versions = ContentVersions()
        storage[ContentVersionsKey.self] = versions
        return versions
    }
}

/// Fluent's record of applied migrations, written while the tables (`content_versions` among
/// them) are still being made.
extension FluentKit.MigrationLog: UnpublishedRecord {}
