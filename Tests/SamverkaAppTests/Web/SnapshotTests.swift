import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Snapshots of key pages")
struct SnapshotTests {
    @Test("an imported event, project and group, in both languages")
    func contentPages() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let pages = [
                ("event-en", "/events/cocreate-technology-for-the-common-good?lang=en"),
                ("event-sv", "/events/almedalen2021?lang=sv"),
                ("project-en", "/projects/skjutsgruppen-en?lang=en"),
                ("group-sv", "/groups/uppsala?lang=sv"),
            ]
            for (name, path) in pages {
                let page = try await app.testing().sendRequest(.GET, path)
                #expect(page.status == .ok, "\(path)")
                try expectSnapshot(page.text, named: name)
            }
        }
    }

    @Test("the sign-in page and the 404 page")
    func framePages() async throws {
        try await withSamverka { app in
            try expectSnapshot(try await app.testing().sendRequest(.GET, "/sign-in").text, named: "sign-in-sv")
            try expectSnapshot(
                try await app.testing().sendRequest(.GET, "/nowhere?lang=en").text, named: "not-found-en")
        }
    }
}
