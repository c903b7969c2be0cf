import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("The public programme")
struct PublicProgrammeTests {
    /// Adds an approved activity directly, as many as the filters need.
    static func approved(
        _ fixture: ProgrammeFixture, _ organisation: Organisation, title: String, format: Activity.Format,
        day: Int, municipality: String?, themes: [String], language: String = "sv"
    ) async throws {
        let dates = DateText(timeZone: fixture.app.settings.timeZone, language: .sv)
        let activity = Activity()
        activity.$programme.id = try fixture.programme.requireID()
        activity.$organisation.id = try organisation.requireID()
        activity.status = .approved
        activity.title = title
        activity.slug = Slug.make(from: title)
        activity.summary = "Om \(title.lowercased())."
        activity.description = ""
        activity.format = format
        activity.startsAt = dates.parseInput("2026-03-0\(day)T10:00")
        activity.endsAt = dates.parseInput("2026-03-0\(day)T11:00")
        activity.municipalityCode = municipality
        activity.allSweden = municipality == nil
        activity.venue = ""
        activity.address = ""
        activity.themes = themes
        activity.targetGroups = []
        activity.language = language
        activity.stepFree = false
        activity.hearingLoop = false
        activity.signLanguage = false
        activity.captions = false
        activity.accessibilityNotes = ""
        activity.signUp = .none
        activity.reviewMessage = ""
        activity.refreshSearchText(organisations: [organisation], municipalities: fixture.app.municipalities)
        try await activity.save(on: fixture.app.db)
        try await ProgrammeQueries.activitiesChanged(fixture.programme.requireID(), on: fixture.app.db)
    }

    static func seed(_ app: Application) async throws -> ProgrammeFixture {
        let fixture = try await ProgrammeFixture.make(app)
        let (umea, _) = try await fixture.organisation(
            "umea-kommun", "Umeå kommun", .municipality, email: "umea@example.org")
        let (association, _) = try await fixture.organisation(
            "foreningen", "Föreningen Data", .civilSociety, email: "forening@example.org")
        try await approved(
            fixture, umea, title: "Kommunerna och AI", format: .physical, day: 2, municipality: "2480", themes: ["ai"])
        try await approved(
            fixture, umea, title: "Klimatdata i Umeå", format: .hybrid, day: 3, municipality: "2480", themes: ["klimat"]
        )
        try await approved(
            fixture, umea, title: "Webbinarium om öppna data", format: .digital, day: 3, municipality: nil,
            themes: ["ai", "klimat"], language: "sv-en")
        try await approved(
            fixture, association, title: "Hackathon i Göteborg", format: .physical, day: 4, municipality: "1480",
            themes: ["ai"], language: "en")
        try await approved(
            fixture, association, title: "Åtgärder för skärgården", format: .digital, day: 5, municipality: nil,
            themes: ["klimat"])
        return fixture
    }

    @Test("before the release date the public sees no activities; after it, all approved ones by time")
    func release() async throws {
        try await withSamverka { app in
            _ = try await Self.seed(app)
            let before = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026")
            #expect(before.status == .ok)
            #expect(before.text.contains("Programmet blir offentligt 1 februari 2026 09:00."))
            #expect(!before.text.contains("Kommunerna och AI"))
        }
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await Self.seed(app)
            let after = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026")
            #expect(after.text.contains("5 av 5 aktiviteter"))
            let first = try #require(after.text.range(of: "Kommunerna och AI"))
            let last = try #require(after.text.range(of: "Åtgärder för skärgården"))
            #expect(first.lowerBound < last.lowerBound)
        }
    }

    @Test(
        "filters combine, and each option's count equals a direct count",
        arguments: [
            ("format=digital", 2),
            ("region=24", 2),
            ("theme=klimat", 3),
            ("theme=ai&format=physical", 2),
            ("day=2026-03-03", 2),
            ("sector=civil_society", 2),
            ("language=en", 2),
            ("municipality=1480&theme=klimat", 0),
            ("q=kommun", 3),  // "Kommunerna och AI", and two by Umeå kommun: organisers are searched too
            ("q=skärgården", 1),
            ("q=SKÄRGÅRDEN", 1),
            // Accents and case do not matter, and a theme's name finds its activities.
            ("q=skargarden", 1),
            ("q=atgarder", 1),
            ("q=klimat", 3),
            // Several values of one dimension: either.
            ("region=24&region=14", 3),
            ("theme=ai&theme=klimat&format=digital", 2),
            ("municipality=1480&municipality=2480", 3),
        ])
    func filters(_ query: String, _ expected: Int) async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await Self.seed(app)
            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?" + query)
            #expect(page.text.contains("\(expected) av 5 aktiviteter"), "\(query)")
            #expect(page.text.components(separatedBy: "<li class=\"card\">").count - 1 == expected, "\(query)")
        }
    }

    @Test("the counts beside the options follow the other filters")
    func facetCounts() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await Self.seed(app)
            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?theme=ai")
            #expect(page.text.contains(#"<option value="digital">Digitalt (1)</option>"#))
            #expect(page.text.contains(#"<option value="physical">På plats (2)</option>"#))
            // A dimension's own options ignore its own choice; the chosen one is ticked.
            #expect(page.text.contains(#"value="klimat"><label for="filter-theme-1">Klimat (3)</label>"#))
            #expect(page.text.contains(#"value="ai" checked><label for="filter-theme-0">AI (3)</label>"#))
            #expect(page.text.contains(#"value="24"><label for="filter-region-"#))
            #expect(page.text.contains(#">Västerbottens län (1)</label>"#))
            #expect(page.text.contains("<summary>Filter (1)</summary>"))
        }
    }
}

@Suite("Full-text search in the programme")
struct ProgrammeSearchTests {
    @Test(
        "word forms, case and accents (å/ä/ö too) do not matter on either database; hostile input finds nothing and breaks nothing",
        arguments: [
            ("kommun", ["Kommunerna och AI"]),
            ("KOMMUNERNA", ["Kommunerna och AI"]),
            ("skärgård", ["Åtgärder för skärgården"]),
            ("skargard", ["Åtgärder för skärgården"]),
            ("GOTEBORG", ["Hackathon i Göteborg"]),
            ("åtgärder skärgården", ["Åtgärder för skärgården"]),
            ("hackathon göteborg", ["Hackathon i Göteborg"]),
            ("'; DROP TABLE activities; --", []),
            ("100%", []),
        ])
    func search(_ text: String, _ titles: [String]) async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let found = try await ActivitySearchQueries.matching(
                text, programmeID: fixture.programme.requireID(), on: app.db)
            let foundTitles = try await Activity.query(on: app.db).filter(\.$id ~~ Array(found)).all().map(\.title)
            // Organiser names are searched too: "kommun" also finds Umeå kommun's activities.
            for title in titles { #expect(foundTitles.contains(title), "\(text) should find \(title)") }
            if titles.isEmpty { #expect(foundTitles.isEmpty, "\(text) found \(foundTitles)") }
            #expect(try await Activity.query(on: app.db).count() == 5)
        }
    }
}

@Suite("The programme page cache")
struct ProgrammeCacheTests {
    @Test("visitors without a session share a cached page with an ETag; a change to the programme shows at once")
    func cache() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let first = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?theme=ai")
            let etag = try #require(first.headers.first(name: .eTag))
            let second = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?theme=ai")
            #expect(second.headers.first(name: .eTag) == etag)
            #expect(second.text == first.text)
            let unchanged = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026?theme=ai", headers: ["If-None-Match": etag])
            #expect(unchanged.status == .notModified)
            #expect(unchanged.headers.first(name: .contentSecurityPolicy) != nil)

            // A change written straight to the database, as another app instance would make it,
            // shows once this instance's one-second memo of the edition has lapsed.
            let organisation = try #require(try await Organisation.find(slug: "foreningen", on: app.db))
            try await PublicProgrammeTests.approved(
                fixture, organisation, title: "Ny AI-träff", format: .digital, day: 6, municipality: nil, themes: ["ai"]
            )
            try await Task.sleep(for: .milliseconds(1_100))
            let after = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026?theme=ai", headers: ["If-None-Match": etag])
            #expect(after.status == .ok)
            #expect(after.text.contains("Ny AI-träff"))

            // A change made through this instance shows at once.
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .admin, email: "admin@example.org")
            let added = try #require(try await Activity.query(on: app.db).filter(\.$title == "Ny AI-träff").first())
            try await reviewer.get("/programmes/innovationsveckan-2026/review")
            let rejected = try await reviewer.post(
                try fixture.path(added) + "/review", form: ["decision": "reject", "message": "Dubblett."])
            #expect(rejected.status == .seeOther)
            let withoutIt = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?theme=ai")
            #expect(!withoutIt.text.contains("Ny AI-träff"))

            // The English page is its own.
            let english = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026?theme=ai", headers: ["Accept-Language": "en"])
            #expect(english.text.contains("<html lang=\"en\">"))

            // A signed-in member always gets a page of their own.
            let member = Browser(app)
            try await member.signIn(as: .member)
            let own = try await member.get("/programmes/innovationsveckan-2026?theme=ai")
            #expect(own.headers.first(name: .eTag) == nil)
            #expect(own.text.contains("Logga ut"))
        }
    }
}

@Suite("An organisation's activities")
struct OrganisationActivitiesTests {
    @Test("an organisation's page lists its approved activities once the programme is public")
    func listed() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let page = try await app.testing().sendRequest(.GET, "/organisations/umea-kommun")
            #expect(page.text.contains("Kommande aktiviteter i program"))
            #expect(page.text.contains("Kommunerna och AI"))
            #expect(!page.text.contains("Hackathon i Göteborg"))
        }
        try await withSamverka { app in
            _ = try await PublicProgrammeTests.seed(app)
            let hidden = try await app.testing().sendRequest(.GET, "/organisations/umea-kommun")
            #expect(!hidden.text.contains("Kommunerna och AI"))
        }
    }

    @Test("when nothing matches, the page offers to take each chosen filter away, one at a time")
    func emptyState() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let page = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026?format=digital&q=ingenting"
            ).text
            #expect(page.contains("Inga aktiviteter passar alla filter du har valt."))
            #expect(
                page.contains(#"<a href="/programmes/innovationsveckan-2026?q=ingenting">Utan ”Form: Digitalt”</a>"#))
            #expect(
                page.contains(
                    #"<a href="/programmes/innovationsveckan-2026?format=digital">Utan sökningen ”ingenting”</a>"#))
            let some = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026?format=digital")
                .text
            #expect(!some.contains("Inga aktiviteter passar"))
        }
    }
}
