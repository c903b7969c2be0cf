import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Panels that capabilities attach to item pages")
struct PagePanelTests {
    /// A capability of the kind that is coming (discussion, matchmaking): it knows nothing of the
    /// pages it appears on beyond what `AttachableItem` gives it.
    struct Greeting: PagePanelProvider {
        /// What the greeting says, changed by a test to see the page follow.
        let words = NIOLockedValueBox("Hej")

        func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
            let html =
                "<section class=\"greeting\">\(words.withLockedValue { $0 }) från \(type(of: item).attachmentKind) \(item.attachmentID?.uuidString ?? "-")</section>"
            return PagePanel(name: "greeting", placement: .related, html: html)
        }
    }

    @Test(
        "registering a provider puts its panel on every item page: event, activity, project, group, organisation, programme"
    )
    func attached() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            try await Fixtures.importCivicTechSite(into: app)
            try await app.makeEvent(
                slug: "workshop", title: "Workshop", startsAt: ProgrammeFixture.afterRelease.addingTimeInterval(86_400))
            app.pagePanels.register(Greeting())

            let activity = try #require(
                try await Activity.query(on: app.db).filter(\.$title == "Kommunerna och AI").first())
            let event = try #require(try await Event.query(on: app.db).filter(\.$slug == "workshop").first())
            let project = try #require(try await Project.query(on: app.db).filter(\.$slug == "skjutsgruppen").first())
            let group = try #require(try await LocalGroup.query(on: app.db).filter(\.$slug == "goteborg").first())
            let organisation = try #require(
                try await Organisation.query(on: app.db).filter(\.$slug == "umea-kommun").first())
            let pages: [(String, String, UUID?)] = [
                ("/events/workshop", "event", event.id),
                (try fixture.path(activity), "activity", activity.id),
                ("/projects/skjutsgruppen", "project", project.id),
                ("/groups/goteborg", "local-group", group.id),
                ("/organisations/umea-kommun", "organisation", organisation.id),
                ("/programmes/innovationsveckan-2026", "programme", fixture.programme.id),
            ]
            for (path, kind, id) in pages {
                let page = try await app.testing().sendRequest(.GET, path)
                #expect(page.status == .ok, "\(path)")
                #expect(
                    page.body.string.contains(
                        "<section class=\"greeting\">Hej från \(kind) \(try #require(id).uuidString)</section>"),
                    "\(path)")
            }
        }
    }

    @Test("a cached page follows what its panels show: a visitor sees an organisation's new event at once")
    func cachedPageFollowsPanel() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let path = "/organisations/foreningen"
            let first = try await app.testing().sendRequest(.GET, path)
            #expect(first.status == .ok && !first.text.contains("Panelens workshop"))
            let etag = try #require(first.headers.first(name: .eTag))
            let again = try await app.testing().sendRequest(.GET, path, headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)

            // The Events capability links an event to the organisation; the organisation's page
            // itself is untouched.
            let event = try await app.makeEvent(
                slug: "panelens-workshop", title: "Panelens workshop",
                startsAt: ProgrammeFixture.afterRelease.addingTimeInterval(86_400))
            let organisation = try #require(try await Organisation.find(slug: "foreningen", on: app.db))
            let link = EventOrganisation()
            link.$event.id = try event.requireID()
            link.$organisation.id = try organisation.requireID()
            try await link.create(on: app.db)
            let changed = try await app.testing().sendRequest(.GET, path, headers: ["If-None-Match": etag])
            #expect(changed.status == .ok)
            #expect(changed.text.contains("Panelens workshop"))
        }
    }

    @Test("the sign-up box comes through the seam: the registry holds it, and without it the pages have none")
    func registrationsOnTheSeam() async throws {
        try await withSamverka { app in
            _ = try await RegistrationFixture.make(app, capacity: 5)
            #expect(app.pagePanels.providers.contains { $0 is RegistrationPanelProvider })
            #expect(
                try await app.testing().sendRequest(.GET, "/events/workshop").body.string.contains("registration-panel")
            )
            app.pagePanels = PagePanelRegistry()
            app.publicPages.forgetAll()
            let bare = try await app.testing().sendRequest(.GET, "/events/workshop")
            #expect(bare.status == .ok && !bare.body.string.contains("registration-panel"))
        }
    }

    @Test(
        "a group's and an organisation's events, their activities and projects, and an event's projects are panels: without the providers the pages still work and show none"
    )
    func listsAreAttached() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            try await Fixtures.importCivicTechSite(into: app)
            let names = app.pagePanels.providers.map { String(describing: type(of: $0)) }
            #expect(
                names == [
                    "RegistrationPanelProvider", "OrganisationActivitiesPanelProvider", "EventListPanelProvider",
                    "ProjectListPanelProvider",
                ])

            let organisation = try await app.testing().sendRequest(.GET, "/organisations/umea-kommun")
            #expect(
                organisation.text.contains("Kommande aktiviteter i program")
                    && organisation.text.contains("Kommunerna och AI"))
            #expect(organisation.text.contains("Kommande evenemang"))
            let group = try await app.testing().sendRequest(.GET, "/groups/goteborg")
            #expect(group.text.contains("Tidigare evenemang"))

            app.pagePanels = PagePanelRegistry()
            app.publicPages.forgetAll()
            let bareOrganisation = try await app.testing().sendRequest(.GET, "/organisations/umea-kommun")
            #expect(
                bareOrganisation.status == .ok && !bareOrganisation.text.contains("Kommunerna och AI")
                    && !bareOrganisation.text.contains("Kommande evenemang"))
            let bareGroup = try await app.testing().sendRequest(.GET, "/groups/goteborg")
            #expect(bareGroup.status == .ok && !bareGroup.text.contains("Tidigare evenemang"))
        }
    }

    @Test("save observers hear of each saved item in the order they asked, and only of their own kind")
    func saveObservers() async throws {
        try await withSamverka { app in
            let heard = NIOLockedValueBox<[String]>([])
            app.whenSaved(String.self) { text, _ in heard.withLockedValue { $0.append("first " + text) } }
            app.whenSaved(String.self) { text, _ in heard.withLockedValue { $0.append("second " + text) } }
            app.whenSaved(Int.self) { number, _ in heard.withLockedValue { $0.append("number \(number)") } }
            try await app.saved("hej", on: app.db)
            #expect(heard.withLockedValue { $0 } == ["first hej", "second hej"])
        }
    }

    /// A panel that only says where it was asked to go.
    struct Marker: PagePanelProvider {
        let placement: PagePanel.Placement

        func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
            PagePanel(name: "marker", placement: placement, html: "<p class=\"marker\">\(placement.rawValue)-panel</p>")
        }
    }

    @Test("a lead panel comes before the item's own text, a related one after it, on every kind of item page")
    func placements() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await PublicProgrammeTests.seed(app)
            let activity = try #require(
                try await Activity.query(on: app.db).filter(\.$title == "Kommunerna och AI").first())
            try await Fixtures.importCivicTechSite(into: app)
            try await app.makeEvent(
                slug: "workshop", title: "Workshop", startsAt: ProgrammeFixture.afterRelease.addingTimeInterval(86_400))
            app.pagePanels = PagePanelRegistry()
            app.pagePanels.register(Marker(placement: .related))
            app.pagePanels.register(Marker(placement: .lead))
            for path in [
                "/events/workshop", "/projects/skjutsgruppen", "/groups/goteborg", "/organisations/umea-kommun",
                "/programmes/innovationsveckan-2026", try fixture.path(activity),
            ] {
                let page = try await app.testing().sendRequest(.GET, path).text
                let lead = try #require(page.range(of: "lead-panel"), "\(path)")
                let prose = try #require(page.range(of: "<div class=\"prose\">"), "\(path)")
                let related = try #require(page.range(of: "related-panel"), "\(path)")
                #expect(lead.lowerBound < prose.lowerBound && prose.lowerBound < related.lowerBound, "\(path)")
            }
        }
    }
}
