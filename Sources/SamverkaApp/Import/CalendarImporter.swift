import Fluent
import Foundation

/// Brings an organisation's existing calendar (an `.ics` export) in as events of that
/// organisation. Each event is known by its UID, so importing the same file again updates what
/// changed and leaves the rest alone. What cannot be brought in is skipped, with the reason.
struct CalendarImporter {
    struct Report: Sendable, Equatable {
        var created = 0
        var updated = 0
        var unchanged = 0
        var skipped: [String] = []
        var warnings: [String] = []
        var dryRun = false

        var summary: String {
            "Events: \(created) created, \(updated) updated, \(unchanged) unchanged, \(skipped.count) skipped"
                + (dryRun ? " (dry run: nothing was changed)" : "")
        }
    }

    let organisation: Organisation
    let timeZone: TimeZone
    let language: Language
    let municipalities: Municipalities
    var dryRun = false

    func run(_ text: String, on database: any Database) async throws -> Report {
        let calendar = try ICalendarReader(text)
        var report = Report(dryRun: dryRun)
        for other in calendar.others {
            report.skipped.append("line \(other.line): \(other.name) is not an event")
        }
        let organisationID = try organisation.requireID()
        var seen: Set<String> = []
        for entry in calendar.entries {
            let place = "line \(entry.line)" + (entry.text("SUMMARY").map { " (\($0))" } ?? "")
            guard let uid = entry.text("UID")?.trimmingCharacters(in: .whitespaces), !uid.isEmpty else {
                report.skipped.append("\(place): no UID, so a later import could not find it again"); continue
            }
            guard entry.first("RECURRENCE-ID") == nil else {
                report.skipped.append("\(place): a change to one occurrence of a repeating event; the series itself is imported"); continue
            }
            guard seen.insert(uid).inserted else {
                report.skipped.append("\(place): the UID \(uid) appears twice in the file"); continue
            }
            guard let title = entry.text("SUMMARY")?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else {
                report.skipped.append("\(place): no title (SUMMARY)"); continue
            }
            guard let startProperty = entry.first("DTSTART") else {
                report.skipped.append("\(place): no start time (DTSTART)"); continue
            }
            guard let (start, wholeDay) = ICalendarReader.date(startProperty, fallback: timeZone) else {
                report.skipped.append("\(place): the start time '\(startProperty.value)' or its time zone '\(startProperty.parameters["TZID"] ?? "")' cannot be read"); continue
            }
            let end = entry.first("DTEND").flatMap { ICalendarReader.date($0, fallback: timeZone)?.date }
            let key = uid

            let existing = try await Event.query(on: database).filter(\.$importUID == key).join(EventOrganisation.self, on: \EventOrganisation.$event.$id == \Event.$id)
                .filter(EventOrganisation.self, \.$organisation.$id == organisationID).first()
            let event = existing ?? Event.imported(uid: key, language: language)
            var changed = false
            func set<Value: Equatable>(_ path: ReferenceWritableKeyPath<Event, Value>, _ value: Value) {
                if existing == nil || event[keyPath: path] != value {
                    event[keyPath: path] = value
                    changed = true
                }
            }
            let description = entry.text("DESCRIPTION")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            set(\.title, String(title.prefix(200)))
            set(\.body, description)
            set(\.excerpt, Self.excerpt(description))
            set(\.startsAt, start)
            set(\.endsAt, end.flatMap { $0 > start ? $0 : nil })
            set(\.dateDescription, wholeDay ? (language == .sv ? "Heldag" : "All day") : "")
            let location = entry.text("LOCATION")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let online = location.hasPrefix("https://") || location.hasPrefix("http://")
            let parts = online ? [] : location.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            set(\.format, online ? .online : .physical)
            set(\.placeName, parts.first ?? "")
            set(\.address, parts.count > 1 ? parts[1] : "")
            set(\.municipalityCode, online ? nil : PlaceText.municipality(in: location, municipalities: municipalities))
            set(\.onlineURL, online ? SafeURL.href(location) : nil)
            set(\.links, entry.text("URL").flatMap(SafeURL.href).map { [ContentLink(title: language == .sv ? "Mer information" : "More information", url: $0)] } ?? [])
            set(\.status, entry.text("STATUS")?.uppercased() == "CANCELLED" ? .cancelled : .scheduled)
            var recurrence = Recurrence.none
            var until: Date?
            if let rule = entry.first("RRULE").map({ ICalendarReader.rule($0.value) }) {
                if rule["FREQ"]?.uppercased() == "WEEKLY", (rule["INTERVAL"] ?? "1") == "1", rule["COUNT"] == nil {
                    recurrence = .weekly
                    until = rule["UNTIL"].flatMap { ICalendarReader.date(.init(name: "UNTIL", parameters: [:], value: $0), fallback: timeZone)?.date }
                } else {
                    report.warnings.append("\(place): repeats as '\(entry.first("RRULE")?.value ?? "")', which Samverka cannot show; imported as one event")
                }
            }
            set(\.recurrence, recurrence)
            set(\.recurrenceUntil, until)

            if existing == nil {
                report.created += 1
            } else if changed {
                report.updated += 1
            } else {
                report.unchanged += 1
                continue
            }
            guard !dryRun else { continue }
            if existing == nil {
                event.slug = try await Self.freeSlug(for: title, on: database)
            }
            try await database.transaction { database in
                try await event.save(on: database)
                if existing == nil {
                    let link = EventOrganisation()
                    link.$event.id = try event.requireID()
                    link.$organisation.id = organisationID
                    try await link.save(on: database)
                }
            }
        }
        return report
    }

    /// The first paragraph, shortened for lists.
    static func excerpt(_ text: String) -> String {
        let first = text.components(separatedBy: "\n\n").first?.replacingOccurrences(of: "\n", with: " ") ?? ""
        return first.count > 280 ? String(first.prefix(279)) + "…" : first
    }

    static func freeSlug(for title: String, on database: any Database) async throws -> String {
        let base = Slug.make(from: title).isEmpty ? "event" : Slug.make(from: title)
        var slug = base
        var number = 2
        while try await Event.query(on: database).filter(\.$slug == slug).first() != nil {
            slug = "\(base)-\(number)"
            number += 1
        }
        return slug
    }
}

extension Event {
    /// A new event from an imported calendar, every field set (a key path write reads the
    /// field first) before the importer fills them in.
    static func imported(uid: String, language: Language) -> Event {
        let event = Event()
        event.startsAt = Date(timeIntervalSince1970: 0)
        event.endsAt = nil
        event.format = .physical
        event.status = .scheduled
        event.onlineURL = nil
        event.municipalityCode = nil
        event.recurrenceUntil = nil
        event.importUID = uid
        event.language = language
        event.ingress = ""
        event.partners = []
        event.title = ""
        event.body = ""
        event.excerpt = ""
        event.dateDescription = ""
        event.placeName = ""
        event.address = ""
        event.links = []
        event.recurrence = .none
        return event
    }
}
