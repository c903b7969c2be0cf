import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Unfolds calendar lines and lists the VEVENT blocks.
private func vevents(_ text: String) -> [String] {
    text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "BEGIN:VEVENT").dropFirst().map { $0 }
}

@Suite("Open data: calendar feeds, Atom and JSON-LD")
struct FeedTests {
    @Test(
        "an event's calendar: local time with VTIMEZONE, weekly RRULE, SEQUENCE raised on change, cancelled when cancelled"
    )
    func eventCalendar() async throws {
        try await withSamverka { app in
            let fika = try await app.makeEvent(
                slug: "fika", title: "Digital fika", startsAt: testNow.addingTimeInterval(3 * 86_400 + 3 * 3600),
                recurrence: .weekly)
            let first = try await app.testing().sendRequest(.GET, "/events/fika/calendar.ics")
            #expect(first.headers.contentType?.subType == "calendar")
            let entry = try #require(vevents(first.text).first)
            #expect(entry.contains("DTSTART;TZID=Europe/Stockholm:20260104T160000\r\n"))
            #expect(entry.contains("RRULE:FREQ=WEEKLY\r\n"))
            #expect(entry.contains("SEQUENCE:0\r\n"))
            #expect(entry.contains("UID:\(try fika.requireID().uuidString)@samverka\r\n"))
            #expect(entry.contains("URL:http://127.0.0.1:8080/events/fika\r\n"))
            #expect(first.text.contains("BEGIN:VTIMEZONE"))
            // A published calendar (METHOD:PUBLISH) names its organizer on every entry (RFC 5546), or libical refuses it.
            #expect(first.text.contains("METHOD:PUBLISH\r\n"))
            #expect(entry.contains("ORGANIZER;CN=\"Samverka\":mailto:"))

            fika.startsAt = fika.startsAt.addingTimeInterval(3600)
            try await fika.save(on: app.db)
            fika.status = .cancelled
            try await fika.save(on: app.db)
            let changed = try #require(
                vevents(try await app.testing().sendRequest(.GET, "/events/fika/calendar.ics").text).first)
            #expect(changed.contains("SEQUENCE:2\r\n"))
            #expect(changed.contains("STATUS:CANCELLED\r\n"))
            #expect(changed.contains("DTSTART;TZID=Europe/Stockholm:20260104T170000\r\n"))
        }
    }

    @Test("the events feed holds coming and recent events once each, in the reader's language")
    func eventsFeed() async throws {
        try await withSamverka { app in
            _ = try await app.makeEvent(
                slug: "kommande", title: "Kommande", startsAt: testNow.addingTimeInterval(86_400), translationKey: "k")
            _ = try await app.makeEvent(
                slug: "coming", title: "Coming", startsAt: testNow.addingTimeInterval(86_400), language: .en,
                translationKey: "k")
            _ = try await app.makeEvent(slug: "nyss", title: "Nyss", startsAt: testNow.addingTimeInterval(-30 * 86_400))
            _ = try await app.makeEvent(
                slug: "forr", title: "Förr", startsAt: testNow.addingTimeInterval(-400 * 86_400))
            let swedish = try await app.testing().sendRequest(.GET, "/events.ics")
            let summaries = vevents(swedish.text).compactMap {
                $0.components(separatedBy: "SUMMARY:").dropFirst().first?.components(separatedBy: "\r\n").first
            }
            #expect(Set(summaries) == ["Kommande", "Nyss"])
            #expect(swedish.text.contains("X-WR-CALNAME:Evenemang · Samverka"))
            let english = try await app.testing().sendRequest(.GET, "/events.ics?lang=en")
            #expect(english.text.contains("SUMMARY:Coming") && !english.text.contains("SUMMARY:Kommande"))
            let page = try await app.testing().sendRequest(.GET, "/events")
            #expect(
                page.text.contains(
                    "<link rel=\"alternate\" type=\"text/calendar\" title=\"Kalender (iCal)\" href=\"/events.ics\">"))
            #expect(page.text.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        }
    }

    @Test("a programme's calendar and Atom feed carry the page's filters")
    func programmeFeeds() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let all = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026/calendar.ics")
            #expect(vevents(all.text).count == 5)
            let digital = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026/calendar.ics?format=digital")
            #expect(vevents(digital.text).count == 2)
            let searched = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026/calendar.ics?q=skärgård")
            #expect(vevents(searched.text).count == 1)

            let atom = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026/feed.atom?theme=klimat")
            #expect(atom.headers.contentType?.subType == "atom+xml")
            let parsed = AtomReader(atom.text)
            #expect(parsed.valid)
            #expect(parsed.entries == 3)
            #expect(parsed.selfLink == "http://127.0.0.1:8080/programmes/innovationsveckan-2026/feed.atom?theme=klimat")
            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?theme=klimat")
            #expect(page.text.contains("href=\"/programmes/innovationsveckan-2026/calendar.ics?theme=klimat\""))
            // rel="self" is where the reader fetched the feed, whatever order its parameters came in; the id stays canonical.
            let reordered = AtomReader(
                try await app.testing().sendRequest(
                    .GET, "/programmes/innovationsveckan-2026/feed.atom?lang=en&theme=klimat"
                ).text)
            #expect(
                reordered.selfLink
                    == "http://127.0.0.1:8080/programmes/innovationsveckan-2026/feed.atom?lang=en&theme=klimat")
            // Items saved within one second still differ in `updated`.
            #expect(AtomFeed.date(Date(timeIntervalSince1970: 1.25)) == "1970-01-01T00:00:01.250Z")
            #expect(AtomFeed.date(Date(timeIntervalSince1970: 1)) == "1970-01-01T00:00:01Z")
        }
    }

    @Test(
        "every list a person can filter downloads as CSV with the same filters, safe for spreadsheets, right for Swedish Excel"
    )
    func csvLists() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            func rows(_ path: String) async throws -> [String] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.headers.contentType?.subType == "csv", "\(path)")
                #expect(response.text.hasPrefix("\u{FEFF}"), "\(path)")
                return response.text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            }
            let digital = try await rows("/programmes/innovationsveckan-2026/activities.csv?format=digital")
            #expect(digital.count == 3)
            #expect(digital.dropFirst().allSatisfy { $0.contains(";Digitalt;digital;") })
            #expect(try await rows("/programmes/innovationsveckan-2026/activities.csv").count == 6)

            let municipalities = try await rows("/organisations.csv?sector=municipality")
            #expect(
                municipalities.first
                    == "Namn;Sektor;Sektor (kod);Organisationsnummer;Kommun;Kommunkod;Län;Webbplats;Verifierad;Sida")
            #expect(municipalities.dropFirst().allSatisfy { $0.contains(";Kommun;municipality;") })
            #expect(municipalities.contains { $0.hasPrefix("Umeå kommun;") })
            #expect(!municipalities.contains { $0.hasPrefix("Föreningen Data;") })
            // In English: commas and English column names, the codes beside the words all the same.
            let english = try await rows("/organisations.csv?sector=municipality&lang=en")
            #expect(
                english.first
                    == "Name,Sector,Sector (code),Organisation number,Municipality,Municipality code,County,Website,Verified,Page"
            )
            #expect(english.dropFirst().allSatisfy { $0.contains(",Municipality,municipality,") })
            #expect(try await rows("/organisations.csv?q=förening").count == 2)

            _ = try await app.makeEvent(slug: "formel", title: "=HYPERLINK(\"http://evil\")", startsAt: testNow)
            let events = try await rows("/events.csv")
            #expect(events.contains { $0.hasPrefix("\"'=HYPERLINK(\"\"http://evil\"\")\";") })
            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?format=digital")
            #expect(page.text.contains("href=\"/programmes/innovationsveckan-2026/activities.csv?format=digital\""))

            // The review queue, for moderators only, with its own filters.
            #expect(
                try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026/review.csv").status != .ok
            )
            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "moderator@example.org")
            let queue = try await moderator.get(
                "/programmes/innovationsveckan-2026/review.csv?show=approved&format=digital")
            #expect(queue.headers.first(name: .cacheControl) == "no-store")
            let lines = queue.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 3 && lines.dropFirst().allSatisfy { $0.contains(";Godkänd;approved;nej;") })
            #expect(
                try await moderator.get("/programmes/innovationsveckan-2026/review?show=approved").text.contains(
                    "review.csv?show=approved"))
        }
    }

    @Test(
        "a programme or the calendar embeds in another site's iframe with the page's filters; other pages still refuse framing"
    )
    func embeds() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let embed = try await app.testing().sendRequest(
                .GET, "/embed/programmes/innovationsveckan-2026?format=digital")
            #expect(embed.status == .ok)
            #expect(embed.headers.first(name: .contentSecurityPolicy)?.contains("frame-ancestors *") == true)
            #expect(embed.headers.first(name: .xFrameOptions) == nil)
            #expect(embed.text.contains("Webbinarium om öppna data") && !embed.text.contains("Kommunerna och AI"))
            #expect(embed.text.contains("Alla 2 aktiviteter i programmet"))
            #expect(!embed.text.contains("<form"))

            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?format=digital")
            #expect(page.headers.first(name: .xFrameOptions) == "DENY")
            #expect(
                page.text.contains(
                    "&lt;iframe src=&quot;http://127.0.0.1:8080/embed/programmes/innovationsveckan-2026?format=digital&quot;"
                ))
            #expect(try await app.testing().sendRequest(.GET, "/embed/events").status == .ok)
            #expect(
                try await app.testing().sendRequest(.GET, "/embed/programmes/no-such-programme").status == .notFound)
        }
    }

    @Test("the DCAT catalogue lists events, organisations and each public programme, in RDF/XML and Turtle")
    func dataCatalog() async throws {
        try await withSamverka { app in
            _ = try await PublicProgrammeTests.seed(app)
            // Before its release date the programme is not yet open data.
            let early = try await app.testing().sendRequest(.GET, "/catalog.rdf")
            #expect(early.headers.contentType?.subType == "rdf+xml")
            #expect(AtomReader(early.text).valid)
            #expect(early.text.contains("catalog.rdf#events\"") && early.text.contains("catalog.rdf#organisations\""))
            #expect(!early.text.contains("#programme-innovationsveckan-2026"))
        }
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let rdf = try await app.testing().sendRequest(.GET, "/catalog.rdf")
            #expect(
                rdf.text.contains(
                    "<dcat:downloadURL rdf:resource=\"http://127.0.0.1:8080/programmes/innovationsveckan-2026/activities.csv\"/>"
                ))
            #expect(
                rdf.text.contains("<dct:license rdf:resource=\"http://creativecommons.org/publicdomain/zero/1.0/\"/>"))
            #expect(
                rdf.text.contains(
                    "<dcat:downloadURL rdf:resource=\"http://127.0.0.1:8080/api/v1/programmes/innovationsveckan-2026/activities\"/>"
                ))
            let turtle = try await app.testing().sendRequest(.GET, "/catalog.ttl")
            #expect(turtle.headers.contentType?.subType == "turtle")
            #expect(
                turtle.text.contains(
                    "dcat:distribution <http://127.0.0.1:8080/catalog.rdf#programme-innovationsveckan-2026-3>"))
            // What DCAT-AP's shapes ask beyond the minimum: typed values, a period of time, availability, the publisher's kind.
            #expect(
                turtle.text.contains(
                    "<http://creativecommons.org/publicdomain/zero/1.0/>\n    a <http://purl.org/dc/terms/LicenseDocument>"
                ))
            #expect(turtle.text.contains("dcat:startDate \"2026-03-02\"^^<http://www.w3.org/2001/XMLSchema#date>"))
            #expect(
                turtle.text.contains(
                    "dcatap:availability <http://publications.europa.eu/resource/authority/planned-availability/STABLE>"
                ))
            #expect(turtle.text.contains("dct:type <http://purl.org/adms/publishertype/NonProfitOrganisation>"))
            // Concepts from the EU vocabularies carry their labels; the licence its kind; Sweden its extent.
            #expect(turtle.text.contains("skos:prefLabel \"Government and public sector\"@en"))
            #expect(turtle.text.contains("dct:type <http://purl.org/adms/licencetype/PublicDomain>"))
            #expect(
                turtle.text.contains(
                    "dcat:centroid \"POINT(16.32 62.39)\"^^<http://www.opengis.net/ont/geosparql#wktLiteral>"))
            #expect(turtle.text.contains("dcat:endDate \"2026-03-06\"^^<http://www.w3.org/2001/XMLSchema#date>"))
        }
    }

    @Test("a member's own calendar sits behind a secret address they can change")
    func memberCalendar() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1)
            let (anna, _) = try await fixture.signUp("anna@example.org")
            _ = try await fixture.signUp("bo@example.org")
            try await anna.get("/account")
            #expect(try await anna.post("/account/calendar", form: [:]).status == .seeOther)
            let token = try #require(try await Member.find(email: "anna@example.org", on: app.db)?.calendarToken)
            #expect(token.count >= 16)
            let page = try await anna.get("/account")
            #expect(page.text.contains("http://127.0.0.1:8080/calendars/\(token)/registrations.ics"))
            let feed = try await app.testing().sendRequest(.GET, "/calendars/\(token)/registrations.ics")
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .cacheControl) == "private, no-store")
            let entries = vevents(feed.text)
            #expect(entries.count == 1)
            #expect(entries.first?.contains("SUMMARY:Workshop om öppna data") == true)
            #expect(entries.first?.contains("STATUS:CONFIRMED") == true)

            try await anna.post("/account/calendar", form: [:])
            #expect(
                try await app.testing().sendRequest(.GET, "/calendars/\(token)/registrations.ics").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, "/calendars//registrations.ics").status == .notFound)
        }
    }

    @Test(
        "events, activities, organisations and projects describe themselves in schema.org JSON-LD that cannot break out of its script"
    )
    func structuredData() async throws {
        try await withSamverka { app in
            let event = try await app.makeEvent(
                slug: "hostile", title: "</script><script>alert(1)</script>",
                startsAt: testNow.addingTimeInterval(86_400))
            event.format = .hybrid
            event.onlineURL = "https://meet.example.org/x"
            event.municipalityCode = "2480"
            try await event.save(on: app.db)
            let page = try await app.testing().sendRequest(.GET, "/events/hostile")
            #expect(!page.text.contains("<script>alert(1)"))
            let json = try #require(
                page.text.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
                    .components(separatedBy: "</script>").first)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(data["@type"] as? String == "Event")
            #expect(data["name"] as? String == "</script><script>alert(1)</script>")
            #expect(data["eventAttendanceMode"] as? String == "https://schema.org/MixedEventAttendanceMode")
            let locations = try #require(data["location"] as? [[String: Any]])
            #expect(locations.map { $0["@type"] as? String } == ["Place", "VirtualLocation"])
            #expect((locations.first?["address"] as? [String: Any])?["addressLocality"] as? String == "Umeå")
        }
    }
}

/// Reads an Atom document with a real XML parser: whether it is well-formed, its entries and
/// its self link.
final class AtomReader: NSObject, XMLParserDelegate {
    private(set) var valid = false
    private(set) var entries = 0
    private(set) var selfLink = ""

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        valid = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "entry" { entries += 1 }
        if name == "link", attributes["rel"] == "self" { selfLink = attributes["href"] ?? "" }
    }
}

@Suite("What only a reviewer may see yet is never left to shared caches")
struct UnreleasedFeedTests {
    @Test(
        "before the release a reviewer's feeds, download and embed hold the activities and are private; a visitor's are public and empty"
    )
    func reviewerFeedsArePrivate() async throws {
        try await withSamverka { app in
            _ = try await PublicProgrammeTests.seed(app)
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .moderator, email: "moderator@example.org")
            let base = "/programmes/innovationsveckan-2026"
            for path in [
                base + "/feed.atom", base + "/calendar.ics", base + "/activities.csv",
                "/embed/programmes/innovationsveckan-2026",
            ] {
                let visitor = try await app.testing().sendRequest(.GET, path)
                #expect(visitor.status == .ok, "\(path)")
                #expect(!visitor.text.contains("Kommunerna och AI"), "\(path)")
                #expect(visitor.headers.first(name: .cacheControl)?.hasPrefix("public") == true, "\(path)")

                let own = try await reviewer.get(path)
                #expect(own.status == .ok, "\(path)")
                #expect(own.text.contains("Kommunerna och AI"), "\(path)")
                #expect(own.headers.first(name: .cacheControl) == "private, no-store", "\(path)")
            }
        }
    }
}
