import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Public pages kept for visitors")
struct PublicPageCacheTests {
    static let now = ProgrammeFixture.afterRelease

    /// A programme, the civictech.se site and an upcoming event: something on every public page.
    static func seed(_ app: Application) async throws -> ProgrammeFixture {
        let fixture = try await PublicProgrammeTests.seed(app)
        try await Fixtures.importCivicTechSite(into: app)
        try await app.makeEvent(
            slug: "workshop", title: "Workshop om öppna data", startsAt: now.addingTimeInterval(86_400))
        return fixture
    }

    @Test(
        "every kind of public page, feed, CSV and API answer is sent again from memory with the same ETag, 304 when the visitor has it"
    )
    func everyKindIsKept() async throws {
        try await withSamverka(now: Self.now) { app in
            _ = try await Self.seed(app)
            let paths = [
                "/", "/about", "/events", "/events/workshop", "/events.csv", "/events.atom", "/events.ics",
                "/events/workshop/calendar.ics", "/projects", "/projects/skjutsgruppen", "/groups", "/groups/goteborg",
                "/organisations", "/organisations/umea-kommun", "/organisations.csv", "/programmes",
                "/programmes/innovationsveckan-2026", "/programmes/innovationsveckan-2026?q=ai&theme=ai",
                "/programmes/innovationsveckan-2026/statistics", "/programmes/innovationsveckan-2026/activities.csv",
                "/programmes/innovationsveckan-2026/feed.atom", "/api/v1/events",
                "/api/v1/programmes/innovationsveckan-2026/activities?limit=2", "/api/v1/organisations",
            ]
            for path in paths {
                let first = try await app.testing().sendRequest(.GET, path)
                #expect(first.status == .ok, "\(path)")
                let etag = try #require(first.headers.first(name: .eTag), "\(path)")
                let second = try await app.testing().sendRequest(.GET, path)
                #expect(second.body == first.body && second.headers.first(name: .eTag) == etag, "\(path)")
                #expect(second.headers.first(name: .contentType) == first.headers.first(name: .contentType), "\(path)")
                let unchanged = try await app.testing().sendRequest(.GET, path, headers: ["If-None-Match": etag])
                #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0, "\(path)")
                #expect(unchanged.headers.first(name: .contentSecurityPolicy) != nil, "\(path)")
                let anyVersion = try await app.testing().sendRequest(.GET, path, headers: ["If-None-Match": "*"])
                #expect(anyVersion.status == .notModified, "\(path)")
            }
        }
    }

    @Test(
        "a change through this instance, a save in its code and a change by another instance all reach the kept pages")
    func writesShow() async throws {
        try await withSamverka(now: Self.now) { app in
            _ = try await Self.seed(app)
            let first = try await app.testing().sendRequest(.GET, "/events")
            #expect(first.text.contains("Workshop om öppna data"))
            let etag = try #require(first.headers.first(name: .eTag))

            // A save in the application's own code (a chore, a command on this instance).
            let event = try #require(try await Event.query(on: app.db).filter(\.$slug == "workshop").first())
            event.title = "Workshop om delade data"
            try await event.save(on: app.db)
            let saved = try await app.testing().sendRequest(.GET, "/events", headers: ["If-None-Match": etag])
            #expect(saved.status == .ok && saved.text.contains("Workshop om delade data"))

            // Another instance writes the row and raises the counter in its transaction; this one
            // reads the counters at most a second apart.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE events SET title = 'Workshop om länkade data' WHERE slug = 'workshop'").run()
            try await ContentVersions.raise("events", on: app.db)
            try await Task.sleep(for: .milliseconds(1_100))
            let elsewhere = try await app.testing().sendRequest(.GET, "/events")
            #expect(elsewhere.text.contains("Workshop om länkade data"))

            // A form sent to this instance shows at once.
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            try await admin.get("/events/workshop/edit")
            let unpublished = try await admin.post(
                "/events/workshop/unpublish", form: ["reason": "Dubblett av ett annat evenemang."])
            #expect(unpublished.status == .seeOther)
            let after = try await app.testing().sendRequest(.GET, "/events")
            #expect(after.status == .ok && !after.text.contains("Workshop om länkade data"))
        }
    }

    @Test("what no public page shows (stars, notifications) leaves the version alone; an event, a sign-up move it")
    func unpublishedWritesKeepTheVersion() async throws {
        try await withSamverka(now: Self.now) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let member = try #require(try await Member.query(on: app.db).first())
            let activity = try #require(try await Activity.query(on: app.db).first())
            let before = try #require(await app.contentVersions.current(on: app.db))
            try await StarredActivity(memberID: try member.requireID(), activityID: try activity.requireID())
                .create(on: app.db)
            #expect(await app.contentVersions.current(on: app.db) == before)

            try await app.makeEvent(slug: "ny", title: "Nytt evenemang", startsAt: Self.now.addingTimeInterval(3_600))
            let afterEvent = try #require(await app.contentVersions.current(on: app.db))
            #expect(afterEvent != before)
        }
    }

    @Test("members and anyone with a session get a page of their own, which is never kept for visitors")
    func membersGetTheirOwn() async throws {
        try await withSamverka(now: Self.now) { app in
            _ = try await Self.seed(app)
            let visitor = try await app.testing().sendRequest(.GET, "/events/workshop")
            #expect(visitor.headers.first(name: .eTag) != nil && !visitor.text.contains("Logga ut"))
            let member = Browser(app)
            try await member.signIn(as: .member)
            let own = try await member.get("/events/workshop")
            #expect(own.headers.first(name: .eTag) == nil && own.text.contains("Logga ut"))
            let visitorAgain = try await app.testing().sendRequest(.GET, "/events/workshop")
            #expect(visitorAgain.body == visitor.body)

            // Each language and each query is a page of its own.
            let english = try await app.testing().sendRequest(
                .GET, "/events/workshop", headers: ["Accept-Language": "en"])
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.headers.first(name: .eTag) != visitor.headers.first(name: .eTag))
        }
    }

    @Test(
        "memory is bounded: when the newer generation is full the older one is forgotten, pages still asked for move on"
    )
    func bounded() throws {
        let cache = PublicPageCache(generationBytes: 300)
        func page(_ text: String) -> PublicPageCache.Page {
            let body = ByteBuffer(string: String(repeating: text, count: 100))
            return .init(headers: [:], body: body, etag: PublicPageCache.etag(of: body))
        }
        cache.keep(page("a"), key: "a")
        cache.keep(page("b"), key: "b")
        cache.keep(page("c"), key: "c")
        cache.keep(page("d"), key: "d")  // a, b and c are now the older generation
        #expect(cache.page(for: "a") != nil)  // asked for again: moves to the newer one
        cache.keep(page("e"), key: "e")
        cache.keep(page("f"), key: "f")  // the newer (d, a, e) is full: it becomes the older
        #expect(cache.page(for: "b") == nil && cache.page(for: "c") == nil)
        #expect(cache.page(for: "a") != nil && cache.page(for: "f") != nil)
        #expect(PublicPageCache.etag(of: ByteBuffer(string: "x")) != PublicPageCache.etag(of: ByteBuffer(string: "y")))
    }
}
