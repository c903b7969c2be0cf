import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

@Suite("The accessibility statement and the privacy notice")
struct StatementTests {
    @Test(
        "both exist in both languages, name the operator's contact, and every page's footer links them",
        arguments: ["sv", "en"])
    func statements(_ language: String) async throws {
        try await withSamverka { app in
            let accessibility = try await app.testing().sendRequest(.GET, "/accessibility?lang=\(language)")
            #expect(accessibility.status == .ok)
            #expect(accessibility.text.contains(language == "sv" ? "Tillsyn" : "Supervising authority"))
            #expect(accessibility.text.contains("https://www.digg.se/tdosanmalan"))
            #expect(accessibility.text.contains("mailto:noreply@samverka.invalid"))
            let privacy = try await app.testing().sendRequest(.GET, "/privacy?lang=\(language)")
            #expect(privacy.status == .ok)
            #expect(
                privacy.text.contains(
                    language == "sv" ? "raderas 30 dagar efter evenemanget" : "deleted 30 days after the event"))
            #expect(privacy.text.contains("imy.se"))
            for path in ["/", "/events", "/sign-in", "/no-such-page"] {
                let page = try await app.testing().sendRequest(.GET, path + "?lang=\(language)").text
                #expect(page.contains(#"href="/accessibility""#), "\(path)")
                #expect(page.contains(#"href="/privacy""#), "\(path)")
            }
        }
    }

    @Test(
        "the about page with the open data, and the organisers' guide with each running week's timeline, in both languages; the home page shows the weeks and how to take part",
        arguments: ["sv", "en"])
    func aboutAndHelp(_ language: String) async throws {
        try await withSamverka { app in
            _ = try await ProgrammeFixture.make(app)
            let about = try await app.testing().sendRequest(.GET, "/about?lang=\(language)")
            #expect(about.status == .ok)
            #expect(
                about.text.contains(#"id="open-data""#) && about.text.contains(#"href="/catalog.rdf""#)
                    && about.text.contains(#"href="/api/openapi.json""#))
            let help = try await app.testing().sendRequest(.GET, "/help?lang=\(language)")
            #expect(help.status == .ok)
            #expect(help.text.contains(#"<a href="/programmes/innovationsveckan-2026">Innovationsveckan 2026</a>"#))
            #expect(help.text.contains(language == "sv" ? "2 mars 2026 – 6 mars 2026" : "2 March 2026 – 6 March 2026"))
            let home = try await app.testing().sendRequest(.GET, "/?lang=\(language)").text
            #expect(home.contains(#"<a class="button" href="/programmes/innovationsveckan-2026/activities/new">"#))
            #expect(home.contains(#"<p><a href="/help">"#))
            for path in ["/", "/events", "/sign-in"] {
                let page = try await app.testing().sendRequest(.GET, path + "?lang=\(language)").text
                #expect(
                    page.contains(#"href="/about""#) && page.contains(#"href="/help""#)
                        && page.contains(#"href="/about#open-data""#), "\(path)")
            }
        }
    }
}
