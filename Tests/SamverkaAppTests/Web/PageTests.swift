import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Public pages")
struct PageTests {
    @Test("the home page shows upcoming events, projects and groups")
    func home() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let page = try await app.testing().sendRequest(.GET, "/")
            #expect(page.status == .ok)
            #expect(page.text.contains("Kommande evenemang"))
            // The one civictech.se event after 1 January 2026, in Swedish for a Swedish reader.
            #expect(page.text.contains(#"href="/events/2026-02-open-knowledge-sweden-meetup-1""#))
            #expect(!page.text.contains(#"href="/events/2026-02-open-knowledge-sweden-meetup-1-en""#))
            #expect(page.text.contains(#"href="/groups/goteborg""#))
        }
    }

    @Test("the events index lists upcoming events and pages through past ones")
    func eventsIndex() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let first = try await app.testing().sendRequest(.GET, "/events")
            #expect(first.status == .ok)
            #expect(first.text.contains("Tidigare evenemang"))
            #expect(first.text.contains("Sida 1 av"))
            #expect(first.text.contains(#"href="/events?page=2" rel="next""#))
            let second = try await app.testing().sendRequest(.GET, "/events?page=2")
            #expect(second.text.contains("Sida 2 av"))
            #expect(second.text.contains(#"rel="prev""#))
        }
    }

    @Test("a weekly event shows among upcoming events with its next date")
    func weekly() async throws {
        try await withSamverka { app in
            try await app.makeEvent(
                slug: "onsdagsfika", title: "Onsdagsfika", startsAt: testNow.addingTimeInterval(-30 * 86_400),
                recurrence: .weekly)
            let index = try await app.testing().sendRequest(.GET, "/events")
            let upcoming = try #require(index.text.components(separatedBy: "Tidigare evenemang").first)
            #expect(upcoming.contains("Onsdagsfika"))
            let page = try await app.testing().sendRequest(.GET, "/events/onsdagsfika")
            #expect(page.text.contains("Nästa tillfälle"))
        }
    }

    @Test("project and group pages show what the old site had")
    func projectAndGroup() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let project = try await app.testing().sendRequest(.GET, "/projects/skjutsgruppen-en")
            #expect(project.status == .ok)
            #expect(project.text.contains("A non-profit ridesharing movement"))
            #expect(project.text.contains("mailto:hej@skjutsgruppen.se"))
            #expect(project.text.contains(#"hreflang="sv" href="/projects/skjutsgruppen?lang=sv""#))
            let group = try await app.testing().sendRequest(.GET, "/groups/goteborg")
            #expect(group.status == .ok)
            #expect(group.text.contains("Digidem Lab"))
            #expect(group.text.contains(#"href="https://solikyl.se/""#))
            let projects = try await app.testing().sendRequest(.GET, "/projects")
            #expect(projects.status == .ok)
            #expect(projects.text.contains("Sida 1 av"))
            #expect(try await app.testing().sendRequest(.GET, "/groups").text.contains("Civic Tech Göteborg"))
        }
    }

    @Test("English is chosen by ?lang=en, remembered, and by Accept-Language")
    func language() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            let english = try await browser.get("/events?lang=en")
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Upcoming events"))
            #expect(english.headers.first(name: .setCookie)?.contains("lang=en") == true)
            let remembered = try await browser.get("/")
            #expect(remembered.text.contains("Upcoming events"))
            #expect(remembered.text.contains(#"href="/?lang=sv""#))
            let byHeader = try await app.testing().sendRequest(
                .GET, "/", headers: ["Accept-Language": "en-GB,en;q=0.9,sv;q=0.5"])
            #expect(byHeader.text.contains("<html lang=\"en\">"))
            let swedish = try await app.testing().sendRequest(.GET, "/")
            #expect(swedish.text.contains("<html lang=\"sv\">"))
        }
    }

    @Test("the language switch leads to the translation of the content")
    func switchToTranslation() async throws {
        try await withSamverka { app in
            try await app.makeEvent(slug: "fika", title: "Fika", startsAt: testNow, translationKey: "fika")
            try await app.makeEvent(
                slug: "fika-en", title: "Coffee", startsAt: testNow, language: .en, translationKey: "fika")
            let page = try await app.testing().sendRequest(.GET, "/events/fika")
            #expect(page.text.contains(#"href="/events/fika-en?lang=en" lang="en""#))
            #expect(page.text.contains(#"<link rel="alternate" hreflang="en" href="/events/fika-en?lang=en">"#))
        }
    }

    @Test("an unknown page is a 404 in the reader's language")
    func notFound() async throws {
        try await withSamverka { app in
            let swedish = try await app.testing().sendRequest(.GET, "/events/finns-inte")
            #expect(swedish.status == .notFound)
            #expect(swedish.text.contains("Sidan finns inte"))
            let english = try await app.testing().sendRequest(.GET, "/events/finns-inte?lang=en")
            #expect(english.text.contains("Page not found"))
        }
    }

    @Test("hostile content renders inert in titles, excerpts and bodies")
    func hostileContent() async throws {
        try await withSamverka { app in
            let attack = #"<script>alert(1)</script><img src=x onerror=alert(2)>"#
            try await app.makeEvent(
                slug: "attack", title: attack, startsAt: testNow.addingTimeInterval(86_400),
                body: attack + "\n\n[x](javascript:alert(3)) &amp; &lt;b&gt;", excerpt: attack)
            for path in ["/events/attack", "/events", "/"] {
                let page = try await app.testing().sendRequest(.GET, path)
                #expect(!page.text.contains("<script>alert"), "\(path)")
                #expect(!page.text.contains("<img src=x"), "\(path)")
                #expect(!page.text.contains("javascript:"), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
        }
    }

    @Test("uploads are served, and nothing outside the uploads folder")
    func uploads() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let image = try await app.testing().sendRequest(.GET, "/uploads/almedalen_eventbrite.jpg")
            #expect(image.status == .ok)
            #expect(image.headers.contentType?.type == "image")
            for path in [
                "/uploads/../samverka.sqlite", "/uploads/%2e%2e/samverka.sqlite", "/uploads/..%2fsamverka.sqlite",
            ] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect([.forbidden, .notFound].contains(response.status), "\(path)")
                #expect(!response.text.contains("SQLite format"), "\(path)")
            }
            #expect(try await app.testing().sendRequest(.GET, "/uploads/nope.png").status == .notFound)
        }
    }

    @Test("an upload is served sandboxed with its own type; other kinds of file are neither served nor imported")
    func uploadTypes() async throws {
        try await withSamverka { app in
            let uploads = app.settings.uploadsDirectory
            try FileManager.default.createDirectory(atPath: uploads, withIntermediateDirectories: true)
            try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".utf8).write(
                to: URL(fileURLWithPath: uploads + "/logo.svg"))
            try Data("<html><script>alert(1)</script></html>".utf8).write(
                to: URL(fileURLWithPath: uploads + "/page.html"))
            let svg = try await app.testing().sendRequest(.GET, "/uploads/logo.svg")
            #expect(svg.status == .ok)
            #expect(svg.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            #expect(svg.headers.first(name: .contentSecurityPolicy) == "sandbox")
            #expect(try await app.testing().sendRequest(.GET, "/uploads/page.html").status == .notFound)

            let site = try Fixtures.makeSite([
                "_config.yml": "title: Test\n",
                "_events/traff.md": "---\ntitle: Träff\nevent-date: 2026-03-01 18:00:00 +0100\n---\nHej!",
                "_uploads/bild.png": "not really a picture", "_uploads/sida.html": "<script></script>",
            ])
            let importer = JekyllImporter(
                root: site, uploadsDirectory: uploads + "-import", timeZone: app.settings.timeZone,
                municipalities: app.municipalities)
            let report = try await importer.run(on: app.db)
            #expect(report.uploadsCopied == 1)
            #expect(report.problems.contains { $0.file == "_uploads/sida.html" })
            #expect(!FileManager.default.fileExists(atPath: uploads + "-import/sida.html"))
        }
    }
}
