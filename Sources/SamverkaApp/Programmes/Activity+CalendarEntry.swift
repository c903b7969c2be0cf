import Foundation

extension CalendarEntries {
    /// A programme activity as a calendar entry; none before it has a time. A rejected one is
    /// cancelled, so calendars that had it let it go.
    func entry(_ activity: Activity, programme: Programme) -> ICalendar.Event? {
        guard let start = activity.startsAt else { return nil }
        let page = base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        let place = activity.placeParts(municipalities)
        return ICalendar.Event(
            uid: activity.calendarUID, stamp: stamp, start: start, end: activity.endsAt,
            summary: activity.title,
            description: Self.description(activity.summary, online: activity.onlineURL, page: page),
            location: PlaceLine.join(
                activity.format == .digital ? [] : place, link: activity.format == .physical ? nil : activity.onlineURL),
            url: page, cancelled: activity.status == .rejected, sequence: activity.calendarSequence
        )
    }
}

extension Activity {
    /// The entry's lasting identity in every calendar that has it.
    var calendarUID: String { (id?.uuidString ?? "") + "@samverka" }

    /// Venue, address and municipality; none for an activity for all of Sweden.
    func placeParts(_ municipalities: Municipalities) -> [String] {
        allSweden ? [] : [venue, address, municipalityCode.flatMap { municipalities[$0]?.name } ?? ""]
    }
}
