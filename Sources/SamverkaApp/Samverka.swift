import Foundation
import Vapor

/// The entry point the `samverka` executable calls: builds the application from the
/// environment and runs whichever command was asked for (`serve` when none).
public enum Samverka {
    /// Runs and returns the process's exit status: 0, or 1 after printing what went wrong.
    /// A failed command is a message for the operator, never a crash.
    public static func run() async -> Int32 {
        do {
            var env = try Environment.detect()
            try LoggingSystem.bootstrap(from: &env) { level in
                let console = Terminal()
                return { label in BindlessLogHandler(base: ConsoleLogger(label: label, console: console, level: level))
                }
            }
            let app = try await Application.make(env)
            do {
                app.directory = DirectoryConfiguration(
                    workingDirectory: try SamverkaHome.locate(
                        setting: Environment.get("SAMVERKA_HOME"),
                        workingDirectory: FileManager.default.currentDirectoryPath,
                        executable: Bundle.main.executablePath))
                try await configure(app, settings: try AppSettings.fromEnvironment(app.environment))
                try await app.execute()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
            return 0
        } catch {
            FileHandle.standardError.write(Data("error: \(String(describing: error))\n".utf8))
            return 1
        }
    }
}
