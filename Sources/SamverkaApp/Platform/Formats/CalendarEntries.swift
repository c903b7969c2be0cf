import Foundation
import Vapor

/// How this site writes calendar entries, the same everywhere they appear (a page's download, a
/// list's feed, a member's own feed, a confirmation email): its public address, the moment of
/// writing, its time zone and the network as organizer. Each capability adds an `entry(_:)` for
/// its own things in an extension, in its own folder.
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

    /// An entry's text: the summary, the online link, and the page.
    static func description(_ summary: String, online: String?, page: String) -> String {
        [summary, online ?? "", page].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// A feed or download: `text/calendar`, named so a browser saves it sensibly.
    static func response(_ calendar: ICalendar, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: calendar.text))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(filename).ics\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }
}
