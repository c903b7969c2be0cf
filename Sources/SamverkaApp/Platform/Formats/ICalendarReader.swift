import Foundation

/// Reads iCalendar text (RFC 5545) as calendar programs write it: folded lines, escaped text,
/// times in UTC, in a named zone or floating, whole days, and weekly repetition.
struct ICalendarReader {
    /// One content line: `NAME;PARAM=VALUE:value`.
    struct Property {
        let name: String
        let parameters: [String: String]
        let value: String
    }

    /// A VEVENT as read, each problem kept with the reason.
    struct Entry {
        let line: Int
        var properties: [Property] = []

        func first(_ name: String) -> Property? { properties.first { $0.name == name } }
        func text(_ name: String) -> String? { first(name).map { ICalendarReader.unescape($0.value) } }
    }

    struct NotICalendar: Error, CustomStringConvertible {
        let description = "The file is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)."
    }

    /// The events of the file, and every other component by name and line, to report.
    let entries: [Entry]
    let others: [(name: String, line: Int)]

    init(_ text: String) throws {
        let lines = Self.unfold(text)
        guard lines.first(where: { !$0.text.isEmpty })?.text.uppercased() == "BEGIN:VCALENDAR" else {
            throw NotICalendar()
        }
        var entries: [Entry] = [], others: [(String, Int)] = []
        var current: Entry?
        var depth = 0
        for (number, line) in lines where !line.isEmpty {
            guard let property = Self.property(line) else { continue }
            switch (property.name, property.value.uppercased()) {
            case ("BEGIN", "VEVENT") where depth == 1:
                current = Entry(line: number)
                depth += 1
            case ("BEGIN", "VCALENDAR") where depth == 0:
                depth = 1
            case ("BEGIN", let name):
                if depth == 1 && !["VTIMEZONE"].contains(name) { others.append((name, number)) }
                depth += 1
            case ("END", "VEVENT") where current != nil && depth == 2:
                if let current { entries.append(current) }
                current = nil
                depth -= 1
            case ("END", _):
                depth -= 1
            default:
                // Properties of an alarm or other part inside the event are not the event's own.
                if depth == 2 { current?.properties.append(property) }
            }
        }
        self.entries = entries
        self.others = others
    }

    /// Joins folded lines (a line break followed by a space or tab), numbering each logical
    /// line by where it starts.
    static func unfold(_ text: String) -> [(number: Int, text: String)] {
        var result: [(Int, String)] = []
        for (index, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            if let first = raw.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1].1 += raw.dropFirst()
            } else {
                result.append((index + 1, String(raw)))
            }
        }
        return result
    }

    /// Splits a content line at the first colon outside quotes.
    static func property(_ line: String) -> Property? {
        var inQuotes = false
        var split: String.Index?
        for index in line.indices {
            let character = line[index]
            if character == "\"" { inQuotes.toggle() }
            if character == ":" && !inQuotes {
                split = index
                break
            }
        }
        guard let split else { return nil }
        var parts = line[..<split].split(separator: ";").map(String.init)
        guard !parts.isEmpty else { return nil }
        let name = parts.removeFirst().uppercased()
        var parameters: [String: String] = [:]
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 {
                parameters[pair[0].uppercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return Property(name: name, parameters: parameters, value: String(line[line.index(after: split)...]))
    }

    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A moment from DTSTART/DTEND/UNTIL: UTC (`Z`), in the named zone, floating (in
    /// `fallback`), or a whole day (`VALUE=DATE`, midnight in the zone). Nil when unreadable
    /// or the zone is unknown.
    static func date(_ property: Property, fallback: TimeZone) -> (date: Date, wholeDay: Bool)? {
        let value = property.value.trimmingCharacters(in: .whitespaces)
        var zone = fallback
        if let name = property.parameters["TZID"] {
            guard let named = TimeZone(identifier: name) ?? windowsZones[name].flatMap(TimeZone.init(identifier:))
            else { return nil }
            zone = named
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        if property.parameters["VALUE"]?.uppercased() == "DATE" || value.count == 8 {
            formatter.timeZone = zone
            formatter.dateFormat = "yyyyMMdd"
            return formatter.date(from: value).map { ($0, true) }
        }
        if value.hasSuffix("Z") {
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        } else {
            formatter.timeZone = zone
            formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        }
        return formatter.date(from: value).map { ($0, false) }
    }

    /// `FREQ=WEEKLY;UNTIL=…` as its parts.
    static func rule(_ value: String) -> [String: String] {
        Dictionary(
            value.split(separator: ";").compactMap { part -> (String, String)? in
                let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
                return pair.count == 2 ? (pair[0].uppercased(), pair[1]) : nil
            }, uniquingKeysWith: { first, _ in first })
    }

    /// Zone names Outlook and Exchange write, for the zones a Swedish network meets.
    static let windowsZones = [
        "W. Europe Standard Time": "Europe/Stockholm",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "Romance Standard Time": "Europe/Paris",
        "GMT Standard Time": "Europe/London",
        "FLE Standard Time": "Europe/Helsinki",
        "UTC": "UTC",
    ]
}
