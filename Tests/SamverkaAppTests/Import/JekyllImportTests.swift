import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Importing the civictech.se Jekyll site")
struct JekyllImportTests {
    @Test("every event, project and group arrives, with uploads")
    func importsEverything() async throws {
        try await withSamverka { app in
            let report = try await Fixtures.importCivicTechSite(into: app)
            #expect(report.events == .init(created: 74, updated: 0, skipped: 0))
            #expect(report.projects == .init(created: 59, updated: 0, skipped: 0))
            #expect(report.groups == .init(created: 7, updated: 0, skipped: 0))
            #expect(try await Event.query(on: app.db).count() == 74)
            #expect(try await Project.query(on: app.db).count() == 59)
            #expect(try await LocalGroup.query(on: app.db).count() == 7)
            #expect(report.uploadsCopied == 100)
            #expect(FileManager.default.fileExists(atPath: app.settings.uploadsDirectory + "/almedalen_eventbrite.jpg"))
        }
    }

    @Test("the Almedalen lab keeps its time, links, group and Swedish partner")
    func cocreateEvent() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let event = try #require(try await Event.find(slug: "cocreate-technology-for-the-common-good", on: app.db))
            #expect(event.title == "Cocreate Technology for the Common Good")
            #expect(event.language == .en)
            // 13:15 in Stockholm in July (UTC+2) is 11:15 UTC.
            #expect(event.startsAt == Date(timeIntervalSince1970: 1_625_570_100))
            #expect(event.links.map(\.title) == ["Registration", "Forum thread", "Facebook Event", "LinkedIn Event"])
            #expect(event.format == .online)
            #expect(event.image == "/uploads/almedalen_eventbrite.jpg")
            #expect(event.dateDescription == "6 July 13:15 - 16:15")
            let group = try #require(try await event.$localGroup.get(on: app.db))
            #expect(group.slug == "civic-tech-platform")
            let partner = try #require(try await event.translation(on: app.db))
            #expect(partner.slug == "almedalen2021")
            #expect(partner.language == .sv)
            #expect(try await partner.translation(on: app.db)?.slug == event.slug)

            let page = try await app.testing().sendRequest(.GET, "/events/cocreate-technology-for-the-common-good")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<link rel="alternate" hreflang="sv" href="/events/almedalen2021?lang=sv">"#))
            #expect(page.text.contains(#"<time datetime="2021-07-06T13:15:00+02:00">"#))
            #expect(page.text.contains("https://forum.civictech.se/t/273"))
        }
    }

    @Test("projects keep contacts, tags, group and the events they took part in")
    func projectFields() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let project = try #require(try await Project.find(slug: "skjutsgruppen-en", on: app.db))
            #expect(project.language == .en)
            #expect(project.translationKey == "skjutsgruppen")
            #expect(project.contacts.first?.email == "hej@skjutsgruppen.se")
            #expect(project.tags.contains("mobility"))
            #expect(project.links.map(\.title) == ["Join the forum"])
            let climate = try #require(try await Project.find(slug: "climatevisualizer", on: app.db))
            #expect(try await climate.$events.get(on: app.db).map(\.slug) == ["how-can-data-help-fight-climate-change"])
        }
    }

    @Test("the Friday fika is weekly and over; Open Knowledge meetups stay one-off")
    func recurrence() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let fika = try #require(try await Event.find(slug: "fredagsfika", on: app.db))
            #expect(fika.recurrence == .weekly)
            #expect(fika.recurrenceUntil != nil)
            #expect(fika.nextOccurrence(after: testNow, calendar: app.calendar) == nil)
            let meetup = try #require(try await Event.find(slug: "2026-02-open-knowledge-sweden-meetup-1", on: app.db))
            #expect(meetup.recurrence == .none)
        }
    }

    @Test("re-running updates in place and creates no duplicates")
    func idempotent() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let again = try await Fixtures.importCivicTechSite(into: app)
            #expect(again.events == .init(created: 0, updated: 74, skipped: 0))
            #expect(again.uploadsCopied == 0)
            #expect(try await Event.query(on: app.db).count() == 74)
            #expect(try await Project.query(on: app.db).count() == 59)
            #expect(try await LegacyRedirect.query(on: app.db).count() == again.redirects)
        }
    }

    @Test("a dry run reports what it would do and changes nothing")
    func dryRun() async throws {
        try await withSamverka { app in
            let report = try await Fixtures.importCivicTechSite(into: app, dryRun: true)
            #expect(report.events.created == 74)
            #expect(report.summary.contains("dry run"))
            #expect(try await Event.query(on: app.db).count() == 0)
            #expect(!FileManager.default.fileExists(atPath: app.settings.uploadsDirectory))
        }
    }

    @Test("missing uploads are reported by file")
    func missingUploads() async throws {
        try await withSamverka { app in
            let report = try await Fixtures.importCivicTechSite(into: app)
            #expect(
                report.problems.contains(
                    .init(
                        file: "_posts/2020-10-06-climatevisualizer.md", severity: .warning,
                        reason: "upload /uploads/bild-anders-heggestad-square.jpg is missing from _uploads")))
            #expect(report.problems.allSatisfy { $0.severity == .warning })
        }
    }

    @Test("old addresses answer 301 with the new one")
    func oldAddresses() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let cases = [
                ("/almedalen2021/", "/events/almedalen2021"),
                ("/en/hackathon-1/", "/events/hackathon-1-en"),
                ("/en/projects/foodsharing/", "/projects/foodsaving-en"),
                ("/goteborg/", "/groups/goteborg"),
                ("/en/goteborg/", "/groups/goteborg-en"),
            ]
            for (old, new) in cases {
                let response = try await app.testing().sendRequest(.GET, old)
                #expect(response.status == .movedPermanently, "\(old)")
                #expect(response.headers.first(name: .location) == new, "\(old)")
            }
            // The projects' old pattern /projects/{slug}/ is the new address itself.
            #expect(try await app.testing().sendRequest(.GET, "/projects/skjutsgruppen/").status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/no-such-page/").status == .notFound)
        }
    }

    @Test("broken files are reported by name and reason; the rest still imports")
    func brokenFiles() async throws {
        try await withSamverka { app in
            let site = try Fixtures.makeSite([
                "_events/good.md":
                    "---\ntitle: Bra träff\nevent-date: 2026-03-01 18:00:00 +0100\nplace: Goto 10, Hammarby Kaj 10D, 120 07 Stockholm\nmood: happy\n---\nHej!",
                "_events/no-close.md": "---\ntitle: Oavslutad\nevent-date: 2026-03-01 18:00:00 +0100\nHej",
                "_events/bad-yaml.md": "---\ntitle: [unclosed\n---\nText",
                "_events/no-date.md": "---\ntitle: Utan datum\n---\nText",
                "_events/bad-date.md": "---\ntitle: Fel datum\nevent-date: snart\n---\nText",
                "_events/plain.md": "Bara text utan front matter",
                "_groups/umea.md": "---\ntitle: Umeå\nref: umea\n---\n",
            ])
            let importer = JekyllImporter(
                root: site, uploadsDirectory: app.settings.uploadsDirectory, timeZone: app.settings.timeZone,
                municipalities: app.municipalities)
            let report = try await importer.run(on: app.db)
            #expect(report.events.created == 1)
            #expect(report.events.skipped == 5)
            let skipped = Set(report.problems.filter { $0.severity == .skipped }.map(\.file))
            #expect(
                skipped == [
                    "_events/no-close.md", "_events/bad-yaml.md", "_events/no-date.md", "_events/bad-date.md",
                    "_events/plain.md",
                ])
            #expect(
                report.problems.contains(
                    .init(file: "_events/good.md", severity: .warning, reason: "unknown field 'mood' was not imported"))
            )
            let good = try #require(try await Event.find(slug: "good", on: app.db))
            #expect(good.placeName == "Goto 10")
            #expect(good.address == "Hammarby Kaj 10D, 120 07 Stockholm")
            #expect(good.municipalityCode == "0180")
        }
    }

    @Test("a folder that is no Jekyll site is refused")
    func notASite() async throws {
        try await withSamverka { app in
            let site = try Fixtures.makeSite(["README.md": "nothing"])
            let importer = JekyllImporter(
                root: site, uploadsDirectory: app.settings.uploadsDirectory, timeZone: app.settings.timeZone,
                municipalities: app.municipalities)
            await #expect(throws: JekyllImporter.NotASite.self) { try await importer.run(on: app.db) }
        }
    }
}

@Suite("Reading Jekyll files")
struct JekyllReaderTests {
    @Test("slugs drop the extension and a date prefix only")
    func slugs() {
        #expect(JekyllReader.slug(of: "_posts/2007-05-30-skjutsgruppen-en.md") == "skjutsgruppen-en")
        #expect(
            JekyllReader.slug(of: "_events/2025-10-open-knowledge-sweden-meetup-1.md")
                == "2025-10-open-knowledge-sweden-meetup-1")
        #expect(JekyllReader.reference("_groups/stockholm.md") == "stockholm")
        #expect(JekyllReader.reference([Any]()) == nil)
    }

    @Test("both offset styles of Jekyll dates are read")
    func dates() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        #expect(
            FrontMatterValue.date("2021-07-06 13:15:00 +0200", defaultZone: zone)
                == Date(timeIntervalSince1970: 1_625_570_100))
        #expect(
            FrontMatterValue.date("2021-07-06 13:15:00 +02:00", defaultZone: zone)
                == Date(timeIntervalSince1970: 1_625_570_100))
        #expect(FrontMatterValue.date("2018-08-02T09:54:00.000+02:00", defaultZone: zone) != nil)
        #expect(FrontMatterValue.date("snart", defaultZone: zone) == nil)
    }

    @Test("weekly recurrence is read from plural weekdays")
    func recurrenceText() {
        #expect(RecurrenceText(description: "Fredagar kl 15:00", title: "Fredagsfika").recurrence == .weekly)
        #expect(RecurrenceText(description: "Fridays 15:00 CET", title: "Friday Fika (not anymore)").hasEnded)
        #expect(RecurrenceText(description: "6 juli kl 13.15 - 16.15", title: "Labb").recurrence == .none)
    }
}

@Suite("The demo network")
struct DemoTests {
    @Test("seeding fills every kind of content, keeps local times and is repeatable")
    func seed() async throws {
        // 22 November 2026: the demo's winter fika must still be at 15:00 after its summer.
        let now = Date(timeIntervalSince1970: 1_795_348_800)
        try await withSamverka(now: now) { app in
            let first = try await SeedCommand.seedDemo(app, now: now)
            #expect(first.problems.allSatisfy { $0.severity == .warning })
            #expect(first.events.created >= 10)
            #expect(first.projects.created >= 6)
            #expect(first.groups.created >= 4)
            let again = try await SeedCommand.seedDemo(app, now: now)
            #expect(again.events.created == 0)
            let fika = try #require(try await Event.find(slug: "digital-fika", on: app.db))
            let next = try #require(fika.nextOccurrence(after: now, calendar: app.calendar))
            #expect(app.calendar.component(.hour, from: next) == 15)
            #expect(app.calendar.component(.weekday, from: next) == 6)
            let upcoming = try await EventQueries.upcoming(now: now, calendar: app.calendar, language: .sv, on: app.db)
            #expect(upcoming.count >= 5)
            let home = try await app.testing().sendRequest(.GET, "/")
            #expect(home.text.contains("Digital fika"))
            #expect(try await DemoOrganisation.seed(app, now: now) == 6)
            #expect(try await DemoOrganisation.seed(app, now: now) == 6)
            #expect(try await Organisation.query(on: app.db).count() == 6)
            let orebro = try #require(try await Organisation.find(slug: "orebro-kommun", on: app.db))
            #expect(orebro.isVerified)
            #expect(try await EventQueries.of(organisation: orebro.requireID(), on: app.db).count == 3)
        }
    }
}
