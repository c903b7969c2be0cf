import Foundation
import Vapor

/// Events and programme activities as calendar entries, the same everywhere they appear: a
/// page's download, a list's feed, a member's own feed, a confirmation email.
struct CalendarEntries: Sendable {
    let base: String
    let municipalities: Municipalities
    let stamp: Date
    let timeZone: TimeZone
    /// The network, as the organizer every published entry names.
    let publisher: ICalendar.Organizer

    init(_ app: Application, now: Date) {
        base = app.settings.publicURL
        municipalities = app.municipalities
        self.stamp = now
        timeZone = app.settings.timeZone
        publisher = .init(name: app.settings.siteName, email: app.settings.contactEmail)
    }

    /// A published calendar of these entries in the site's time zone.
    func calendar(_ events: [ICalendar.Event], name: String? = nil) -> ICalendar {
        ICalendar(events: events, name: name, timeZone: timeZone, organizer: publisher)
    }

    func entry(_ event: Event) -> ICalendar.Event {
        let page = base + SiteURL.events(.show(.value(event.slug))).path
        let place = RegistrationSubject.event(event).placeParts(municipalities)
        var entry = ICalendar.Event(
            uid: RegistrationSubject.event(event).calendarUID, stamp: stamp, start: event.startsAt, end: event.endsAt,
            summary: event.title, description: Self.description(event.excerpt.isEmpty ? event.ingress : event.excerpt, online: event.onlineURL, page: page),
            location: RegistrationSubject.placeLine(event.format == .online ? [] : place, link: event.format == .physical ? nil : event.onlineURL),
            url: page, cancelled: event.status == .cancelled, sequence: event.calendarSequence
        )
        entry.weekly = event.recurrence == .weekly
        entry.weeklyUntil = event.recurrence == .weekly ? event.recurrenceUntil : nil
        entry.tentative = event.status == .postponed
        return entry
    }

    func entry(_ activity: Activity, programme: Programme) -> ICalendar.Event? {
        guard let start = activity.startsAt else { return nil }
        let page = base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        let place = RegistrationSubject.activity(activity, programme).placeParts(municipalities)
        return ICalendar.Event(
            uid: RegistrationSubject.activity(activity, programme).calendarUID, stamp: stamp, start: start, end: activity.endsAt,
            summary: activity.title, description: Self.description(activity.summary, online: activity.onlineURL, page: page),
            location: RegistrationSubject.placeLine(activity.format == .digital ? [] : place, link: activity.format == .physical ? nil : activity.onlineURL),
            url: page, cancelled: activity.status == .rejected, sequence: activity.calendarSequence
        )
    }

    func entry(_ subject: RegistrationSubject) -> ICalendar.Event? {
        switch subject {
        case .event(let event): entry(event)
        case .activity(let activity, let programme): entry(activity, programme: programme)
        }
    }

    static func description(_ summary: String, online: String?, page: String) -> String {
        [summary, online ?? "", page].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// A feed or download: `text/calendar`, named so a browser saves it sensibly.
    static func response(_ calendar: ICalendar, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: calendar.text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(filename).ics\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }
}
