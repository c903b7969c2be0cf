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
            guard let essentials = essentials(of: entry, place: place, seen: &seen, report: &report) else { continue }
            let existing = try await Event.query(on: database).withDeleted().filter(\.$importUID == essentials.uid)
                .join(EventOrganisation.self, on: \EventOrganisation.$event.$id == \Event.$id)
                .filter(EventOrganisation.self, \.$organisation.$id == organisationID).first()
            let event = existing ?? Event.imported(uid: essentials.uid, language: language)
            let changed = fill(event, from: entry, essentials, isNew: existing == nil, place: place, report: &report)
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
                event.slug = try await Self.freeSlug(for: essentials.title, on: database)
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

    /// What an entry must have to become an event; nil, with the reason reported, without it.
    private struct Essentials {
        let uid: String
        let title: String
        let start: Date
        let wholeDay: Bool
    }

    private func essentials(
        of entry: ICalendarReader.Entry, place: String, seen: inout Set<String>, report: inout Report
    ) -> Essentials? {
        func skip(_ reason: String) -> Essentials? {
            report.skipped.append("\(place): \(reason)")
            return nil
        }
        guard let uid = entry.text("UID")?.trimmingCharacters(in: .whitespaces), !uid.isEmpty else {
            return skip("no UID, so a later import could not find it again")
        }
        guard entry.first("RECURRENCE-ID") == nil else {
            return skip("a change to one occurrence of a repeating event; the series itself is imported")
        }
        guard seen.insert(uid).inserted else { return skip("the UID \(uid) appears twice in the file") }
        guard let title = entry.text("SUMMARY")?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else {
            return skip("no title (SUMMARY)")
        }
        guard let startProperty = entry.first("DTSTART") else { return skip("no start time (DTSTART)") }
        guard let (start, wholeDay) = ICalendarReader.date(startProperty, fallback: timeZone) else {
            return skip(
                "the start time '\(startProperty.value)' or its time zone '\(startProperty.parameters["TZID"] ?? "")' cannot be read"
            )
        }
        return Essentials(uid: uid, title: title, start: start, wholeDay: wholeDay)
    }

    /// Copies the entry into the event, touching only fields that differ (so an unchanged
    /// event keeps its calendar SEQUENCE); returns whether anything changed.
    private func fill(
        _ event: Event, from entry: ICalendarReader.Entry, _ essentials: Essentials, isNew: Bool, place: String,
        report: inout Report
    ) -> Bool {
        var changed = false
        func set<Value: Equatable>(_ path: ReferenceWritableKeyPath<Event, Value>, _ value: Value) {
            if isNew || event[keyPath: path] != value {
                event[keyPath: path] = value
                changed = true
            }
        }
        let start = essentials.start
        let end = entry.first("DTEND").flatMap { ICalendarReader.date($0, fallback: timeZone)?.date }
        let description = entry.text("DESCRIPTION")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        set(\.title, String(essentials.title.prefix(200)))
        set(\.body, description)
        set(\.excerpt, Self.excerpt(description))
        set(\.startsAt, start)
        set(\.endsAt, end.flatMap { $0 > start ? $0 : nil })
        set(\.dateDescription, essentials.wholeDay ? (language == .sv ? "Heldag" : "All day") : "")
        // The same reading of a free-text place as the Jekyll import: a link or "Online" is an
        // online event, otherwise "Venue, address" with the municipality found in it.
        let place = PlaceText(
            entry.text("LOCATION")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
            municipalities: municipalities)
        set(\.format, place.format)
        set(\.placeName, place.name)
        set(\.address, place.address)
        set(\.municipalityCode, place.municipalityCode)
        set(\.onlineURL, place.onlineURL)
        set(
            \.links,
            entry.text("URL").flatMap(SafeURL.href).map {
                [ContentLink(title: language == .sv ? "Mer information" : "More information", url: $0)]
            } ?? [])
        set(\.status, entry.text("STATUS")?.uppercased() == "CANCELLED" ? .cancelled : .scheduled)
        var recurrence = Recurrence.none
        var until: Date?
        if let rule = entry.first("RRULE").map({ ICalendarReader.rule($0.value) }) {
            if rule["FREQ"]?.uppercased() == "WEEKLY", (rule["INTERVAL"] ?? "1") == "1", rule["COUNT"] == nil {
                recurrence = .weekly
                until = rule["UNTIL"].flatMap {
                    ICalendarReader.date(.init(name: "UNTIL", parameters: [:], value: $0), fallback: timeZone)?.date
                }
            } else {
                report.warnings.append(
                    "\(place): repeats as '\(entry.first("RRULE")?.value ?? "")', which Samverka cannot show; imported as one event"
                )
            }
        }
        set(\.recurrence, recurrence)
        set(\.recurrenceUntil, until)
        return changed
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
        while try await Event.query(on: database).withDeleted().filter(\.$slug == slug).first() != nil {
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
