import Vapor

/// The entry point the `samverka` executable calls: builds the application from the
/// environment and runs whichever command was asked for (`serve` when none).
public enum Samverka {
    public static func run() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            try await configure(app, settings: try AppSettings.fromEnvironment(app.environment))
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
