import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Programme statistics and CSV")
struct StatisticsTests {
    @Test("the figures equal direct counts of the approved activities")
    func figures() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026/statistics")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<dd>5</dd>"))
            #expect(html.contains("<dd>2 av 290</dd>"))
            #expect(html.contains(#"<tr><th scope="row">På plats</th><td>2</td><td>40 %</td></tr>"#))
            #expect(html.contains(#"<tr><th scope="row">Digitalt</th><td>2</td><td>40 %</td></tr>"#))
            #expect(html.contains(#"<tr><th scope="row">Västerbottens län</th><td>2</td></tr>"#))
            #expect(html.contains(#"<tr><th scope="row">Västra Götalands län</th><td>1</td></tr>"#))
            #expect(html.contains(#"<tr><th scope="row">Klimat</th><td>3</td></tr>"#))
            #expect(html.contains(#"<tr><th scope="row">Civilsamhälle</th><td>1</td></tr>"#))
            // Each region of the map is a link to the programme filtered by it.
            #expect(
                html.contains(
                    #"<a href="/programmes/innovationsveckan-2026?region=24" aria-label="Västerbottens län: 2 aktiviteter. Visa dem i programmet">"#
                ))
            #expect(html.contains(#"<title>Västra Götalands län: 1 aktivitet. Visa den i programmet</title>"#))
            #expect(html.components(separatedBy: "<path d=").count - 1 == 21)

            let approved = try await Activity.query(on: app.db).filter(\.$status == .approved).filter(
                \.$format == .digital
            ).count()
            #expect(approved == 2)
            _ = fixture
        }
    }

    @Test("before the release date the public statistics show nothing of the programme")
    func beforeRelease() async throws {
        try await withSamverka { app in
            _ = try await PublicProgrammeTests.seed(app)
            let page = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026/statistics")
            #expect(page.text.contains("<dd>0</dd>"))
            let csv = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026/activities.csv")
            #expect(csv.text.split(separator: "\r\n").count == 1)
        }
    }

    @Test("the CSV has a row per approved activity and no cell a spreadsheet would run")
    func csv() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let organisation = try #require(try await Organisation.find(slug: "foreningen", on: app.db))
            try await PublicProgrammeTests.approved(
                fixture, organisation, title: "=HYPERLINK(\"http://evil.example\",\"klicka\")", format: .digital,
                day: 6, municipality: nil, themes: [])
            let response = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026/activities.csv")
            #expect(response.headers.contentType?.subType == "csv")
            let text = response.text
            #expect(text.hasPrefix("\u{FEFF}Titel;Sammanfattning;Arrangörer;Börjar;Slutar;Form;Form (kod)"))
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == 7)
            #expect(text.contains(#""'=HYPERLINK(""http://evil.example"",""klicka"")""#))
            #expect(!text.contains("\n=HYPERLINK") && !text.contains(";=HYPERLINK"))
        }
    }

    @Test(
        "cells are quoted and neutralised as RFC 4180 and spreadsheets need",
        arguments: [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=1+1", "'=1+1"),
            ("+46 70", "'+46 70"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
        ])
    func cells(_ value: String, _ written: String) {
        #expect(CSVTable.cell(value) == written)
    }
}
