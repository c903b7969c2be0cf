import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Calendar downloads")
struct CalendarTests {
    @Test("an approved activity downloads as iCalendar in local time with its time zone")
    func activity() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let activity = try #require(
                try await Activity.query(on: app.db).filter(\.$title == "Kommunerna och AI").first())
            let response = try await app.testing().sendRequest(
                .GET, try fixture.path(activity) + "/calendar.ics", headers: ["Host": "samverka.example.org"])
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "calendar")
            // Calendar lines fold at 75 octets; read them unfolded.
            let text = response.text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(text.contains("UID:\(try activity.requireID().uuidString)@samverka\r\n"))
            // 10:00 in Stockholm, with the zone's rules beside it.
            #expect(text.contains("DTSTART;TZID=Europe/Stockholm:20260302T100000\r\n"))
            #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n"))
            #expect(text.contains("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
            #expect(text.contains("SUMMARY:Kommunerna och AI\r\n"))
            // Links use the site's public address, whatever Host the request named.
            #expect(text.contains("URL:http://127.0.0.1:8080/programmes/innovationsveckan-2026/kommunerna-och-ai\r\n"))
            #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        }
    }

    @Test("text is escaped and long lines are folded without splitting a character")
    func folding() {
        #expect(ICalendar.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
        let line = "DESCRIPTION:" + String(repeating: "å", count: 60)
        let folded = ICalendar.fold(line)
        for piece in folded.components(separatedBy: "\r\n") {
            #expect(piece.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test("an activity still in review is no download for strangers")
    func hidden() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let activity = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun"))
            #expect(
                try await app.testing().sendRequest(.GET, try fixture.path(activity) + "/calendar.ics").status
                    == .notFound)
            let own = try await umea.get(try fixture.path(activity) + "/calendar.ics")
            #expect(own.status == .ok)
            // What only its organiser may see is never kept by a shared cache.
            #expect(own.headers.first(name: .cacheControl) == "private, no-store")
            #expect(
                try await umea.get("/programmes/innovationsveckan-2026/activities.csv").headers.first(
                    name: .cacheControl) == "private, no-store")
            #expect(
                try await app.testing().sendRequest(.GET, "/events.ics").headers.first(name: .cacheControl)
                    == "public, max-age=300")
        }
    }
}
