import Testing
import Vapor
import VaporTesting
@testable import SamverkaApp

@Suite("The accessibility statement and the privacy notice")
struct StatementTests {
    @Test("both exist in both languages, name the operator's contact, and every page's footer links them", arguments: ["sv", "en"])
    func statements(_ language: String) async throws {
        try await withSamverka { app in
            let accessibility = try await app.testing().sendRequest(.GET, "/accessibility?lang=\(language)")
            #expect(accessibility.status == .ok)
            #expect(accessibility.text.contains(language == "sv" ? "Tillsyn" : "Supervising authority"))
            #expect(accessibility.text.contains("https://www.digg.se/tdosanmalan"))
            #expect(accessibility.text.contains("mailto:noreply@samverka.invalid"))
            let privacy = try await app.testing().sendRequest(.GET, "/privacy?lang=\(language)")
            #expect(privacy.status == .ok)
            #expect(privacy.text.contains(language == "sv" ? "raderas 30 dagar efter evenemanget" : "deleted 30 days after the event"))
            #expect(privacy.text.contains("imy.se"))
            for path in ["/", "/events", "/sign-in", "/no-such-page"] {
                let page = try await app.testing().sendRequest(.GET, path + "?lang=\(language)").text
                #expect(page.contains(#"href="/accessibility""#), "\(path)")
                #expect(page.contains(#"href="/privacy""#), "\(path)")
            }
        }
    }
}
