import Foundation

extension CalendarEntries {
    /// An event as a calendar entry: weekly ones repeat, postponed ones are tentative.
    func entry(_ event: Event) -> ICalendar.Event {
        let page = base + SiteURL.events(.show(.value(event.slug))).path
        let place = event.placeParts(municipalities)
        var entry = ICalendar.Event(
            uid: event.calendarUID, stamp: stamp, start: event.startsAt, end: event.endsAt,
            summary: event.title,
            description: Self.description(
                event.excerpt.isEmpty ? event.ingress : event.excerpt, online: event.onlineURL, page: page),
            location: PlaceLine.join(
                event.format == .online ? [] : place, link: event.format == .physical ? nil : event.onlineURL),
            url: page, cancelled: event.status == .cancelled, sequence: event.calendarSequence
        )
        entry.weekly = event.recurrence == .weekly
        entry.weeklyUntil = event.recurrence == .weekly ? event.recurrenceUntil : nil
        entry.tentative = event.status == .postponed
        return entry
    }
}

extension Event {
    /// The entry's lasting identity in every calendar that has it.
    var calendarUID: String { (id?.uuidString ?? slug) + "@samverka" }

    /// Venue, address and municipality.
    func placeParts(_ municipalities: Municipalities) -> [String] {
        [placeName, address, municipalityCode.flatMap { municipalities[$0]?.name } ?? ""]
    }
}
