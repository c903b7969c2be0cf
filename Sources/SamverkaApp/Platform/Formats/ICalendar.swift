import Foundation

/// iCalendar (RFC 5545) text: the rules every calendar program insists on — CRLF line ends,
/// escaped text, lines folded at 75 octets without splitting a character — and local times
/// with their VTIMEZONE, so a weekly 15:00 stays 15:00 across daylight-saving changes.
struct ICalendar {
    struct Event {
        let uid: String
        let stamp: Date
        let start: Date
        let end: Date?
        let summary: String
        let description: String
        let location: String
        let url: String?
        var cancelled: Bool
        /// Raised each time the entry changes, so calendars replace their copy.
        var sequence = 0
        /// Weekly until this moment (inclusive), or for ever when `weekly` without it.
        var weekly = false
        var weeklyUntil: Date?
        var tentative = false
    }

    /// Who publishes the calendar (RFC 5546: a published calendar names its organizer on each
    /// entry). Without one the feed carries no METHOD, which is then not an iTIP message at all.
    struct Organizer {
        let name: String
        let email: String

        var line: String {
            let name = name.filter { $0 != "\"" && !$0.isNewline }
            return "ORGANIZER;CN=\"\(name)\":mailto:" + email
        }
    }

    var events: [Event] = []
    /// The name calendar programs show for a subscribed feed.
    var name: String?
    var timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current
    var organizer: Organizer?

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samverka//Samverka//SV", "CALSCALE:GREGORIAN"]
        if organizer != nil { lines.append("METHOD:PUBLISH") }
        if let name {
            lines.append("X-WR-CALNAME:" + Self.escape(name))
            lines.append("NAME:" + Self.escape(name))
        }
        lines.append("X-WR-TIMEZONE:" + timeZone.identifier)
        lines += VTimeZone(timeZone).lines(covering: coveredRange)
        let local = LocalTime(timeZone)
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + Self.escape(event.uid))
            lines.append("DTSTAMP:" + Self.utc(event.stamp))
            lines.append("SEQUENCE:\(event.sequence)")
            lines.append("DTSTART;TZID=\(timeZone.identifier):" + local.text(event.start))
            if let end = event.end, end > event.start {
                lines.append("DTEND;TZID=\(timeZone.identifier):" + local.text(end))
            }
            if event.weekly {
                lines.append("RRULE:FREQ=WEEKLY" + (event.weeklyUntil.map { ";UNTIL=" + Self.utc($0) } ?? ""))
            }
            if let organizer { lines.append(organizer.line) }
            lines.append("SUMMARY:" + Self.escape(event.summary))
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            if !event.location.isEmpty { lines.append("LOCATION:" + Self.escape(event.location)) }
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("STATUS:" + (event.cancelled ? "CANCELLED" : event.tentative ? "TENTATIVE" : "CONFIRMED"))
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The span the time zone's rules must cover: from the first start to the last end or
    /// repetition, with a year's margin for open-ended weekly events.
    private var coveredRange: ClosedRange<Date> {
        let starts = events.map(\.start)
        let ends = events.map { event in
            event.weekly
                ? (event.weeklyUntil ?? event.start.addingTimeInterval(2 * 365 * 86_400)) : (event.end ?? event.start)
        }
        let first = starts.min() ?? Date(timeIntervalSince1970: 0)
        return first...max(ends.max() ?? first, first)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\n")
    }

    static func utc(_ date: Date) -> String {
        LocalTime(TimeZone(identifier: "UTC") ?? .current).text(date) + "Z"
    }

    /// Folds a content line into pieces of at most 75 octets, continuation lines starting
    /// with a space, never cutting a UTF-8 character in two.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}

/// "20260129T173000" in a time zone. The formatter is made once per zone and kept: a feed
/// writes several times for each of thousands of entries.
struct LocalTime {
    let timeZone: TimeZone

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    func text(_ date: Date) -> String {
        FormatterStore.shared.format(date, key: "icalendar|\(timeZone.identifier)") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "yyyyMMdd'T'HHmmss"
            return formatter
        }
    }
}

/// A VTIMEZONE for any zone, built from the zone's own transitions: one STANDARD or DAYLIGHT
/// part per change of offset around the range, so it is right for Europe/Stockholm and for any
/// other zone an installation is set to. (No TZNAME: Foundation on Linux only knows "GMT+1".)
struct VTimeZone {
    let timeZone: TimeZone

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    func lines(covering range: ClosedRange<Date>) -> [String] {
        // From a year before the first date, so every time in range follows a part's onset.
        var moment = range.lowerBound.addingTimeInterval(-366 * 86_400)
        let until = range.upperBound.addingTimeInterval(366 * 86_400)
        var parts: [[String]] = []
        while let change = timeZone.nextDaylightSavingTimeTransition(after: moment), change <= until {
            parts.append(
                part(
                    onset: change, offsetBefore: offset(at: change.addingTimeInterval(-1)),
                    offsetAfter: offset(at: change),
                    daylight: timeZone.isDaylightSavingTime(for: change)))
            moment = change
        }
        if parts.isEmpty {
            // A zone without daylight saving: one offset for ever.
            let fixed = offset(at: range.lowerBound)
            parts = [
                part(onset: Date(timeIntervalSince1970: 0), offsetBefore: fixed, offsetAfter: fixed, daylight: false)
            ]
        }
        return ["BEGIN:VTIMEZONE", "TZID:" + timeZone.identifier] + parts.flatMap { $0 } + ["END:VTIMEZONE"]
    }

    private func offset(at date: Date) -> Int { timeZone.secondsFromGMT(for: date) }

    private func part(onset: Date, offsetBefore: Int, offsetAfter: Int, daylight: Bool) -> [String] {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        // DTSTART of a part is the onset in the local time in force before it.
        let before = TimeZone(secondsFromGMT: offsetBefore) ?? timeZone
        return [
            "BEGIN:" + kind,
            "DTSTART:" + LocalTime(before).text(onset),
            "TZOFFSETFROM:" + Self.offsetText(offsetBefore),
            "TZOFFSETTO:" + Self.offsetText(offsetAfter),
            "END:" + kind,
        ]
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }
}
