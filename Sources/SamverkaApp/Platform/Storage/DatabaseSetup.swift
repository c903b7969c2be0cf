import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Connects Fluent to the database the settings name: an SQLite file (created with its folder
/// on first start), in-memory SQLite for tests, or PostgreSQL.
enum DatabaseSetup {
    static func use(_ location: AppSettings.DatabaseLocation, on app: Application) throws {
        switch location {
        case .sqliteFile(let path):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            app.databases.use(try .postgres(url: url, sqlLogLevel: .debug), as: .psql)
        }
    }

    /// An SQLite file keeps a write-ahead log, so pages are read while a write is under way
    /// (a sign-up's transaction, a session being saved) instead of waiting for it: without it,
    /// readers spin on the file lock and a burst of sign-ups runs several times slower. The mode
    /// is stored in the file; setting it again is harmless.
    static func tune(_ location: AppSettings.DatabaseLocation, on app: Application) async throws {
        guard case .sqliteFile = location, let sql = app.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
    }
}
