import Logging
import Vapor

/// Passes every log message on without the values bound into SQL queries: at debug level the
/// database drivers log each query with its binds, and those hold secrets (a registration's
/// personal link, a calendar's address, session data). The query text stays, so debugging
/// still shows what ran.
struct BindlessLogHandler: LogHandler {
    static let droppedKeys: Set<String> = ["binds"]
    var base: any LogHandler

    var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        base.log(
            level: level, message: message, metadata: metadata?.filter { !Self.droppedKeys.contains($0.key) },
            source: source, file: file, function: function, line: line)
    }
}
