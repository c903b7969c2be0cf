import Fluent
import Vapor

/// `GET /healthz`: whether the database answers and every migration has run, for load balancers
/// and operators. Says which kind of database, never where it is.
struct HealthController: Sendable {
    /// How many migrations this build knows (the app's migration list, handed in by the routes).
    let knownMigrations: Int

    struct Health: Content {
        struct Migrations: Content {
            let applied: Int
            let known: Int
            let pending: Int
        }

        let status: String
        let database: String
        let migrations: Migrations
    }

    @Sendable func check(request: Request) async throws -> Response {
        let known = knownMigrations
        let applied = (try? await MigrationLog.query(on: request.db).count()) ?? -1
        let healthy = applied >= known
        let health = Health(
            status: healthy ? "ok" : (applied < 0 ? "database-unavailable" : "migrations-pending"),
            database: request.application.settings.database.kind.rawValue,
            migrations: .init(applied: max(applied, 0), known: known, pending: max(0, known - max(applied, 0)))
        )
        let response = try await health.encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// Fluent's own record of applied migrations, read (never written) for the health check.
final class MigrationLog: Model, @unchecked Sendable {
    static let schema = "_fluent_migrations"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    init() {}
}
