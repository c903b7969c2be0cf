import Foundation
import Yams

/// A Markdown file with a YAML front matter block, as Jekyll writes them.
struct FrontMatterDocument {
    let fields: [String: Any]
    let body: String

    enum Problem: Error, Equatable {
        case missingFrontMatter
        case unterminatedFrontMatter
        case invalidYAML(String)
        case notAMapping
    }

    /// Splits and parses a document. Timestamps stay text: Jekyll files write offsets both as
    /// `+0200` and `+02:00`, and YAML's own timestamp rule accepts only the second.
    init(text: String) throws(Problem) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first.map({ $0.hasPrefix("\u{FEFF}") }) == true { lines[0] = lines[0].dropFirst() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { throw .missingFrontMatter }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw .unterminatedFrontMatter
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed: Any?
        do {
            parsed = try Yams.load(yaml: yaml, Resolver.default.removing(.timestamp))
        } catch {
            throw .invalidYAML(String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable")
        }
        if parsed == nil {
            fields = [:]
        } else if let mapping = parsed as? [String: Any] {
            fields = mapping
        } else {
            throw .notAMapping
        }
    }

    func string(_ key: String) -> String? {
        FrontMatterValue.string(fields[key])
    }

    func list(_ key: String) -> [[String: Any]] {
        (fields[key] as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    func strings(_ key: String) -> [String] {
        if let items = fields[key] as? [Any] { return items.compactMap(FrontMatterValue.string) }
        return FrontMatterValue.string(fields[key]).map { [$0] } ?? []
    }
}

enum FrontMatterValue {
    /// A scalar as text; numbers and booleans as YAML wrote them, empty text as none.
    static func string(_ value: Any?) -> String? {
        let text: String?
        switch value {
        case let value as String: text = value
        case let value as Int: text = String(value)
        case let value as Double: text = String(value)
        case let value as Bool: text = value ? "true" : "false"
        default: text = nil
        }
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Jekyll's date forms: `2021-07-06 13:15:00 +0200`, `… +02:00`, `2021-07-06T13:15:00Z`, `2021-07-06`.
    static func date(_ text: String, defaultZone: TimeZone) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = defaultZone
        let formats = [
            "yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm:ss ZZZZZ", "yyyy-MM-dd HH:mm Z", "yyyy-MM-dd HH:mm ZZZZZ",
            "yyyy-MM-dd'T'HH:mm:ssZZZZZ", "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd'T'HH:mm:ss.SSSZZZZZ",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        ]
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
