import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("The programme day by day, printable, and on a phone")
struct ProgrammeViewsTests {
    static let page = "/programmes/innovationsveckan-2026"

    @Test(
        "the filters fold behind one control that counts the choices; several regions can be ticked, and each can be taken away"
    )
    func foldedFilters() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let plain = try await app.testing().sendRequest(.GET, Self.page).text
            #expect(plain.contains(#"<details class="filter-panel" data-open-wide>"#))
            #expect(plain.contains("<summary>Filter</summary>"))

            let chosen = try await app.testing().sendRequest(.GET, Self.page + "?region=24&region=14&q=ingenting").text
            // Folded even with choices, so on a phone the activities come first; what is chosen
            // is listed beside it, each with a link that takes it away.
            #expect(chosen.contains(#"<details class="filter-panel" data-open-wide>"#))
            #expect(chosen.contains("<summary>Filter (3)</summary>"))
            #expect(chosen.contains(#"<summary>Län <span class="count">(2 valda)</span></summary>"#))
            #expect(chosen.contains(#"name="region" value="24" checked>"#))
            #expect(chosen.contains(#"name="region" value="14" checked>"#))
            // Nothing matches the search: each region can go on its own, the other one kept.
            #expect(
                chosen.contains(
                    #"<a href="/programmes/innovationsveckan-2026?region=14&amp;q=ingenting">Utan ”Län: Västerbottens län”</a>"#
                ))
            #expect(
                chosen.contains(
                    #"<a href="/programmes/innovationsveckan-2026?region=24&amp;q=ingenting">Utan ”Län: Västra Götalands län”</a>"#
                ))

            let english = try await app.testing().sendRequest(
                .GET, Self.page + "?theme=ai", headers: ["Accept-Language": "en"]
            ).text
            #expect(english.contains("<summary>Filters (1)</summary>"))
            #expect(
                english.contains(
                    #"<ul class="chips" aria-label="Chosen filters"><li><a href="/programmes/innovationsveckan-2026">Without “Themes: AI”</a></li></ul>"#
                ))
            #expect(english.contains(#"<summary>Themes <span class="count">(1 chosen)</span></summary>"#))
        }
    }

    @Test("a link with hundreds of values of one dimension costs no more than a few, and unknown values match nothing")
    func boundedValues() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let many = (0..<5_000).map { "region=x\($0)" }.joined(separator: "&")
            let page = try await app.testing().sendRequest(.GET, Self.page + "?" + many + "&region=24")
            #expect(page.status == .ok)
            // Only the first 32 values count; region 24 is not among them.
            #expect(page.text.contains("0 av 5 aktiviteter"))
            let known = try await app.testing().sendRequest(.GET, Self.page + "?region=24&region=nowhere").text
            #expect(known.contains("2 av 5 aktiviteter"))
            let api = try await app.testing().sendRequest(
                .GET, "/api/v1/programmes/innovationsveckan-2026/activities?region=24&region=14")
            #expect(api.status == .ok)
            #expect(api.text.contains("Hackathon i Göteborg") && api.text.contains("Kommunerna och AI"))
            // The API refuses what cannot be a region code, and a code no region has matches nothing, as on the page.
            #expect(
                try await app.testing().sendRequest(
                    .GET, "/api/v1/programmes/innovationsveckan-2026/activities?region=24&region=Sk%C3%A5ne"
                ).status == .badRequest)
            let unknown = try await app.testing().sendRequest(
                .GET, "/api/v1/programmes/innovationsveckan-2026/activities?region=99")
            #expect(unknown.status == .ok)
            #expect(
                (try JSONSerialization.jsonObject(with: Data(unknown.text.utf8)) as? [String: Any])?["total"] as? Int
                    == 0)
        }
    }

    @Test("day by day: a tab per day with its count under the filters, the day's activities under the hour they start")
    func timeline() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let first = try await app.testing().sendRequest(.GET, Self.page + "?view=days&theme=klimat").text
            // The first day with a match is shown: 3 March (2 March has only an AI activity).
            #expect(
                first.contains(
                    #"<a href="/programmes/innovationsveckan-2026?day=2026%2D03%2D02&amp;theme=klimat&amp;view=days">mån 2 mars <span class="count">(0)</span></a>"#
                ))
            #expect(first.contains(#"aria-current="page">tis 3 mars <span class="count">(2)</span></a>"#))
            #expect(first.contains(#"<h3 class="timeline-day">tisdag 3 mars 2026</h3>"#))
            #expect(first.contains(#"<time datetime="2026-03-03T10:00:00+01:00">10:00</time>"#))
            #expect(first.contains("Klimatdata i Umeå") && first.contains("Webbinarium om öppna data"))
            #expect(!first.contains("Åtgärder för skärgården"))
            #expect(first.contains("10:00–11:00 · "))
            // The filter form keeps the view.
            #expect(first.contains(#"<input type="hidden" name="view" value="days">"#))

            let friday = try await app.testing().sendRequest(.GET, Self.page + "?view=days&day=2026-03-05").text
            #expect(friday.contains("Åtgärder för skärgården"))
            #expect(!friday.contains("Klimatdata i Umeå"))
            // A day is where the timeline is, not a filter to take away.
            let empty = try await app.testing().sendRequest(.GET, Self.page + "?view=days&day=2026-03-06").text
            #expect(empty.contains("Inga aktiviteter den här dagen med de filter du har valt."))
            #expect(!empty.contains("Utan ”Dag"))
        }
    }

    @Test("the printable programme holds every match by day in a table, and says when it was printed")
    func printable() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let page = try await app.testing().sendRequest(.GET, Self.page + "?view=print&format=digital")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h2>tisdag 3 mars 2026</h2>"))
            #expect(html.contains("<h2>torsdag 5 mars 2026</h2>"))
            #expect(html.components(separatedBy: "<tr><td>10:00–11:00</td>").count - 1 == 2)
            #expect(!html.contains("Kommunerna och AI"))
            #expect(html.contains("Utskrivet 12 februari 2026"))
            #expect(!html.contains(#"class="filter-panel""#))
        }
    }

    @Test("the map on the statistics page leads to the programme filtered by the region clicked")
    func mapLinks() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let statistics = try await app.testing().sendRequest(.GET, Self.page + "/statistics").text
            #expect(
                statistics.contains(
                    #"<a href="/programmes/innovationsveckan-2026?region=14" aria-label="Västra Götalands län: 1 aktivitet. Visa den i programmet">"#
                ))
            let target = try await app.testing().sendRequest(.GET, Self.page + "?region=14").text
            #expect(target.contains("1 av 5 aktiviteter") && target.contains("Hackathon i Göteborg"))
        }
    }

    @Test(
        "a theme's name finds its activities in either language, and an edition's renamed theme is found by its new name"
    )
    func themeNames() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let climate = try await app.testing().sendRequest(.GET, Self.page + "?q=climate").text
            #expect(climate.contains("3 av 5 aktiviteter"))
            // Every word must match somewhere: a theme name and a word of the text together.
            let both = try await app.testing().sendRequest(.GET, Self.page + "?q=klimat+webbinarium").text
            #expect(both.contains("1 av 5 aktiviteter"))
            fixture.programme.themes = [
                ProgrammeTerm(key: "ai", sv: "Artificiell intelligens", en: "AI"),
                ProgrammeTerm(key: "klimat", sv: "Klimat", en: "Climate"),
            ]
            try await fixture.programme.save(on: app.db)
            try await Task.sleep(for: .milliseconds(1_100))
            let renamed = try await app.testing().sendRequest(.GET, Self.page + "?q=intelligens").text
            #expect(renamed.contains("3 av 5 aktiviteter"))
        }
    }
}
