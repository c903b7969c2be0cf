import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("My programme: starred activities and their calendar")
struct MyProgrammeTests {
    @Test("a member stars an activity, finds it in their programme by day, subscribes to it, and takes it away again")
    func starAndUnstar() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let activity = try #require(
                try await Activity.query(on: app.db).filter(\.$title == "Klimatdata i Umeå").first())
            let page = "/programmes/innovationsveckan-2026/\(activity.slug)"

            // A visitor is asked to sign in, and sent back to the activity afterwards.
            let visitor = try await app.testing().sendRequest(.GET, page).text
            #expect(visitor.contains(#"href="/sign-in?next=%2Fprogrammes%2Finnovationsveckan%2D2026%2F"#))
            #expect(visitor.contains("Logga in för att spara i ditt program"))

            let anna = Browser(app)
            try await anna.signIn(as: .member, email: "anna@example.org")
            #expect(try await anna.get(page).text.contains("Lägg till i mitt program"))
            let added = try await anna.post(page + "/star", form: ["intent": "add"])
            #expect(added.status == .seeOther)
            #expect(added.headers.first(name: .location) == page)
            // Pressed twice (a second tab): still one star.
            _ = try await anna.post(page + "/star", form: ["intent": "add"])
            #expect(try await StarredActivity.query(on: app.db).count() == 1)
            let after = try await anna.get(page).text
            #expect(after.contains("”Klimatdata i Umeå” finns nu i ditt program."))
            #expect(after.contains("Ta bort från mitt program"))

            let mine = try await anna.get("/account/programme").text
            #expect(mine.contains("<h2><a href=\"/programmes/innovationsveckan-2026\">Innovationsveckan 2026</a></h2>"))
            #expect(mine.contains("<h3>tisdag 3 mars 2026</h3>"))
            #expect(mine.contains("Klimatdata i Umeå"))
            #expect(!mine.contains("Kommunerna och AI"))

            // Its calendar sits behind the member's secret address.
            _ = try await anna.post("/account/calendar", form: ["from": "mine"])
            let token = try #require(try await Member.find(email: "anna@example.org", on: app.db)?.calendarToken)
            #expect(
                try await anna.get("/account/programme").text.contains(
                    "http://127.0.0.1:8080/calendars/\(token)/programme.ics"))
            let feed = try await app.testing().sendRequest(.GET, "/calendars/\(token)/programme.ics")
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .cacheControl) == "private, no-store")
            #expect(feed.text.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:Klimatdata i Umeå"))
            #expect(
                try await app.testing().sendRequest(
                    .GET, "/calendars/\(String(repeating: "x", count: 20))/programme.ics"
                ).status == .notFound)

            // Another member's programme is their own.
            let bo = Browser(app)
            try await bo.signIn(as: .member, email: "bo@example.org")
            #expect(!(try await bo.get("/account/programme").text.contains("Klimatdata i Umeå")))

            // Anna's data download names it; taking it away empties her programme.
            let data = try await anna.get("/account/data.json").text
            #expect(data.contains("Klimatdata i Umeå"))
            let removed = try await anna.post(page + "/star", form: ["intent": "remove", "from": "mine"])
            #expect(removed.headers.first(name: .location) == "/account/programme")
            let empty = try await anna.get("/account/programme").text
            #expect(empty.contains("Ditt program är tomt."))
            #expect(
                !(try await app.testing().sendRequest(.GET, "/calendars/\(token)/programme.ics").text.contains(
                    "Klimatdata")))
        }
    }

    @Test(
        "only what the public can see can be starred; a starred activity taken out of the programme leaves the programme"
    )
    func onlyPublic() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let draft = try await fixture.submit(
                umea, ProgrammeFixture.form("umea-kommun", title: "Utkastet", intent: "draft"))
            let anna = Browser(app)
            try await anna.signIn(as: .member, email: "anna@example.org")
            try await anna.get("/")
            let refused = try await anna.post(try fixture.path(draft) + "/star", form: ["intent": "add"])
            #expect(refused.status == .notFound)
            #expect(try await StarredActivity.query(on: app.db).count() == 0)
            let nonsense = try await anna.post(try fixture.path(draft) + "/star", form: ["intent": "explode"])
            #expect(nonsense.status == .notFound || nonsense.status == .badRequest)

            try await PublicProgrammeTests.approved(
                fixture, try #require(try await Organisation.find(slug: "umea-kommun", on: app.db)),
                title: "Godkänd", format: .digital, day: 2, municipality: nil, themes: [])
            let approved = try #require(try await Activity.query(on: app.db).filter(\.$title == "Godkänd").first())
            #expect(
                try await anna.post(try fixture.path(approved) + "/star", form: ["intent": "add"]).status == .seeOther)
            #expect(try await anna.get("/account/programme").text.contains("Godkänd"))
            approved.status = .rejected
            try await approved.save(on: app.db)
            #expect(!(try await anna.get("/account/programme").text.contains("Godkänd")))

            // Signed out, the star is refused before anything is read.
            let stranger = Browser(app)
            try await stranger.get("/")
            #expect(
                try await stranger.post(try fixture.path(approved) + "/star", form: ["intent": "add"]).status
                    != .seeOther)
        }
    }
}
