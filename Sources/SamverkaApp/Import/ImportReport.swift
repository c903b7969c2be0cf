import Foundation

/// What an import did and what it could not do, file by file.
struct ImportReport: Sendable {
    struct Problem: Sendable, Equatable, CustomStringConvertible {
        enum Severity: String, Sendable {
            /// The file was not imported.
            case skipped
            /// The file was imported; a part of it was left out or guessed.
            case warning
        }

        let file: String
        let severity: Severity
        let reason: String

        var description: String { "\(severity.rawValue): \(file): \(reason)" }
    }

    struct Counts: Sendable, Equatable {
        var created = 0
        var updated = 0
        var skipped = 0
    }

    var events = Counts()
    var projects = Counts()
    var groups = Counts()
    var redirects = 0
    var uploadsCopied = 0
    var problems: [Problem] = []
    var dryRun = false

    mutating func warn(_ file: String, _ reason: String) {
        problems.append(Problem(file: file, severity: .warning, reason: reason))
    }

    mutating func skip(_ file: String, _ reason: String) {
        problems.append(Problem(file: file, severity: .skipped, reason: reason))
    }

    var summary: String {
        let verb = dryRun ? "would be" : "were"
        func line(_ name: String, _ counts: Counts) -> String {
            "\(name): \(counts.created) \(verb) created, \(counts.updated) \(verb) updated, \(counts.skipped) skipped"
        }
        var lines = [
            line("Events", events),
            line("Projects", projects),
            line("Local groups", groups),
            "Old addresses redirected: \(redirects)",
            "Uploads copied: \(uploadsCopied)",
        ]
        let warnings = problems.filter { $0.severity == .warning }.count
        let skipped = problems.count - warnings
        lines.append(
            "Problems: \(skipped) files skipped, \(warnings) warnings"
                + (dryRun ? " (dry run: nothing was changed)" : ""))
        return lines.joined(separator: "\n")
    }
}
