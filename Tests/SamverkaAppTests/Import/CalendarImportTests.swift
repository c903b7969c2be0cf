import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Importing an organisation's calendar")
struct CalendarImportTests {
    static let file =
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Outlook//EN",
            "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T030000",
            "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD", "END:VTIMEZONE",
            // Outlook's zone name, a folded description with escaped commas, a place in a municipality.
            "BEGIN:VEVENT", "UID:meetup-1@umea.se", "SUMMARY:Öppna data-meetup",
            "DTSTART;TZID=W. Europe Standard Time:20260210T180000",
            "DTEND;TZID=W. Europe Standard Time:20260210T200000",
            "LOCATION:Stadsbiblioteket\\, Rådhusesplanaden 6A\\, Umeå",
            "DESCRIPTION:Vi ses och pratar öppna data\\, kommunens API:er och fika.\\n\\nAnmäl dig gärna i för",
            " väg.",
            "URL:https://umea.se/meetup", "BEGIN:VALARM", "TRIGGER:-PT15M", "DESCRIPTION:Påminnelse", "END:VALARM",
            "END:VEVENT",
            // UTC time, online, weekly until the summer.
            "BEGIN:VEVENT", "UID:fika@umea.se", "SUMMARY:Digital fika", "DTSTART:20260213T140000Z",
            "DTEND:20260213T150000Z",
            "LOCATION:https://meet.example.org/fika", "RRULE:FREQ=WEEKLY;UNTIL=20260612T140000Z", "END:VEVENT",
            // A whole day that repeats monthly: imported once, with a warning.
            "BEGIN:VEVENT", "UID:dag@umea.se", "SUMMARY:Innovationsdag", "DTSTART;VALUE=DATE:20260301",
            "DTEND;VALUE=DATE:20260302",
            "RRULE:FREQ=MONTHLY", "STATUS:CANCELLED", "END:VEVENT",
            // Skipped, each for its reason.
            "BEGIN:VEVENT", "UID:ingen-start@umea.se", "SUMMARY:Utan tid", "END:VEVENT",
            "BEGIN:VEVENT", "SUMMARY:Utan UID", "DTSTART:20260301T100000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:fika@umea.se", "RECURRENCE-ID:20260220T140000Z", "SUMMARY:Digital fika (flyttad)",
            "DTSTART:20260220T150000Z", "END:VEVENT",
            "BEGIN:VEVENT", "UID:zon@umea.se", "SUMMARY:Okänd zon", "DTSTART;TZID=Mars/Olympus:20260301T100000",
            "END:VEVENT",
            "BEGIN:VTODO", "UID:todo@umea.se", "SUMMARY:Boka lokal", "END:VTODO",
            "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"

    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("samverka-\(UUID().uuidString).ics")
            .path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(
        "events come in with their times, places and repetition; what cannot is skipped with the reason; a second import changes only what changed"
    )
    func importsAndUpdates() async throws {
        try await withSamverka { app in
            let umea = Organisation()
            umea.slug = "umea-kommun"
            umea.name = "Umeå kommun"
            umea.sector = .municipality
            umea.description = ""
            try await umea.save(on: app.db)
            let path = try write(Self.file)

            let dry = TestConsole()
            try await runCommand(
                ImportCommand(), ["ics", path, "--organisation", "umea-kommun", "--dry-run"], on: app, console: dry)
            #expect(
                dry.output.contains(
                    "Events: 3 created, 0 updated, 0 unchanged, 5 skipped (dry run: nothing was changed)"))
            #expect(try await Event.query(on: app.db).count() == 0)

            let console = TestConsole()
            try await runCommand(
                ImportCommand(), ["ics", path, "--organisation", "umea-kommun"], on: app, console: console)
            #expect(console.output.contains("Events: 3 created, 0 updated, 0 unchanged, 5 skipped"))
            #expect(console.output.contains("no start time (DTSTART)"))
            #expect(console.output.contains("no UID"))
            #expect(console.output.contains("a change to one occurrence of a repeating event"))
            #expect(console.output.contains("'Mars/Olympus' cannot be read"))
            #expect(console.output.contains("VTODO is not an event"))
            #expect(console.output.contains("repeats as 'FREQ=MONTHLY'"))

            let meetup = try #require(
                try await Event.query(on: app.db).filter(\.$importUID == "meetup-1@umea.se").first())
            let dates = DateText(timeZone: app.settings.timeZone, language: .sv)
            #expect(dates.machine(meetup.startsAt) == "2026-02-10T18:00:00+01:00")
            #expect(meetup.placeName == "Stadsbiblioteket" && meetup.address == "Rådhusesplanaden 6A, Umeå")
            #expect(meetup.municipalityCode == "2480")
            #expect(
                meetup.body == "Vi ses och pratar öppna data, kommunens API:er och fika.\n\nAnmäl dig gärna i förväg.")
            #expect(meetup.links.first?.url == "https://umea.se/meetup")
            let fika = try #require(try await Event.query(on: app.db).filter(\.$importUID == "fika@umea.se").first())
            #expect(fika.format == .online && fika.onlineURL == "https://meet.example.org/fika")
            #expect(fika.recurrence == .weekly && fika.recurrenceUntil != nil)
            let day = try #require(try await Event.query(on: app.db).filter(\.$importUID == "dag@umea.se").first())
            #expect(day.status == .cancelled && day.recurrence == .none && day.dateDescription == "Heldag")
            let page = try await app.testing().sendRequest(.GET, "/organisations/umea-kommun")
            #expect(page.text.contains("Öppna data-meetup"))

            // The same file again: nothing changes, not even the calendar SEQUENCE.
            let again = TestConsole()
            try await runCommand(
                ImportCommand(), ["ics", path, "--organisation", "umea-kommun"], on: app, console: again)
            #expect(again.output.contains("Events: 0 created, 0 updated, 3 unchanged, 5 skipped"))
            #expect(try await Event.find(meetup.id, on: app.db)?.calendarSequence == 0)

            let moved = try write(Self.file.replacingOccurrences(of: "20260210T180000", with: "20260211T180000"))
            let third = TestConsole()
            try await runCommand(
                ImportCommand(), ["ics", moved, "--organisation", "umea-kommun"], on: app, console: third)
            #expect(third.output.contains("Events: 0 created, 1 updated, 2 unchanged"))
            #expect(try await Event.find(meetup.id, on: app.db)?.calendarSequence == 1)
            #expect(try await Event.query(on: app.db).count() == 3)
        }
    }

    @Test(
        "a file that is not a calendar, or a missing organisation, is refused with a clear message and nothing changes")
    func refusals() async throws {
        try await withSamverka { app in
            let notCalendar = try write("<html>not a calendar</html>")
            await #expect(throws: (any Error).self) {
                try await runCommand(ImportCommand(), ["ics", notCalendar, "--organisation", "nobody"], on: app)
            }
            do {
                try await runCommand(ImportCommand(), ["ics", notCalendar, "--organisation", "nobody"], on: app)
            } catch {
                #expect("\(error)".contains("No organisation has the address 'nobody'"))
            }
            let organisation = Organisation()
            organisation.slug = "forening"
            organisation.name = "Föreningen"
            organisation.sector = .civilSociety
            organisation.description = ""
            try await organisation.save(on: app.db)
            do {
                try await runCommand(ImportCommand(), ["ics", notCalendar, "--organisation", "forening"], on: app)
                Issue.record("a file that is not a calendar was accepted")
            } catch {
                #expect("\(error)".contains("is not an iCalendar file"))
            }
            do {
                try await runCommand(
                    ImportCommand(), ["ics", "/no/such/file.ics", "--organisation", "forening"], on: app)
                Issue.record("a missing file was accepted")
            } catch {
                #expect("\(error)".contains("cannot be read"))
            }
            #expect(try await Event.query(on: app.db).count() == 0)
        }
    }
}
