import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SamverkaApp

@Suite("Panels that capabilities attach to item pages")
struct PagePanelTests {
    /// A capability of the kind that is coming (discussion, matchmaking): it knows nothing of the
    /// pages it appears on beyond what `AttachableItem` gives it.
    struct Greeting: PagePanelProvider {
        func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
            PagePanel(name: "greeting", html: "<section class=\"greeting\">Hej från \(type(of: item))</section>")
        }
    }

    @Test("registering a provider puts its panel on every event and activity page")
    func attached() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            try await app.makeEvent(slug: "workshop", title: "Workshop", startsAt: ProgrammeFixture.afterRelease.addingTimeInterval(86_400))
            app.pagePanels.register(Greeting())

            let event = try await app.testing().sendRequest(.GET, "/events/workshop")
            #expect(event.status == .ok)
            #expect(event.body.string.contains("<section class=\"greeting\">Hej från Event</section>"))

            let activity = try #require(try await Activity.query(on: app.db).filter(\.$title == "Kommunerna och AI").first())
            let page = try await app.testing().sendRequest(.GET, try fixture.path(activity))
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<section class=\"greeting\">Hej från ProgrammeActivity</section>"))
        }
    }

    @Test("the sign-up box comes through the seam: the registry holds it, and without it the pages have none")
    func registrationsOnTheSeam() async throws {
        try await withSamverka { app in
            _ = try await RegistrationFixture.make(app, capacity: 5)
            #expect(app.pagePanels.providers.contains { $0 is RegistrationPanelProvider })
            #expect(try await app.testing().sendRequest(.GET, "/events/workshop").body.string.contains("registration-panel"))
            app.pagePanels = PagePanelRegistry()
            let bare = try await app.testing().sendRequest(.GET, "/events/workshop")
            #expect(bare.status == .ok && !bare.body.string.contains("registration-panel"))
        }
    }
}
