import Logging
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

/// Keeps every message logged, for tests that read the log.
final class LogCapture: LogHandler, @unchecked Sendable {
    let messages = NIOLockedValueBox<[String]>([])
    let lastMetadata = NIOLockedValueBox<Logger.Metadata?>(nil)
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        messages.withLockedValue { $0.append(message.description) }
        lastMetadata.withLockedValue { $0 = metadata }
    }
}

@Suite("The request log")
struct RequestLogTests {
    @Test("personal links are logged without their secret; other paths as they are")
    func redactsTokens() async throws {
        try await withSamverka { app in
            let capture = LogCapture()
            app.logger = Logger(label: "test", factory: { _ in capture })
            let secret = "Zm9vYmFyYmF6cXV4c2VjcmV0MTIz"
            for path in [
                "/registrations/\(secret)", "/calendars/\(secret)/registrations.ics",
                "/calendars/\(secret)/programme.ics", "/account/confirm/\(secret)",
                "/password/reset/\(secret)", "/events/workshop",
            ] {
                _ = try await app.testing().sendRequest(.GET, path)
            }
            let log = capture.messages.withLockedValue { $0 }
            #expect(!log.contains { $0.contains(secret) }, "\(log)")
            #expect(log.contains("GET /registrations/:token"))
            #expect(log.contains("GET /password/reset/:token"))
            #expect(log.contains("GET /events/workshop"))
        }
    }
}

@Suite("Database query logs")
struct QueryLogTests {
    @Test("a query logged at debug level keeps its text and loses its bound values")
    func bindsDropped() {
        let capture = LogCapture()
        let logger = Logger(label: "test") { _ in BindlessLogHandler(base: capture) }
        logger.debug(
            "Executing query",
            metadata: ["sql": "SELECT * FROM registrations WHERE token = $1", "binds": ["s3cret-personal-link"]])
        capture.lastMetadata.withLockedValue { metadata in
            #expect(metadata?["sql"] != nil)
            #expect(metadata?["binds"] == nil)
        }
    }
}
