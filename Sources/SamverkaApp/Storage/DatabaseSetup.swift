import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
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
}
