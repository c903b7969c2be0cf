import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Members publish events for their organisations and local groups; moderators unpublish")
struct EventPublishingTests {
    static func event(_ title: String, organisation: String = "", group: String = "") -> [String: String] {
        var form = EditingTests.goodEvent
        form["title"] = title
        form["organisationName[]"] = organisation
        form["localGroup"] = group
        return form
    }

    static func group(
        _ app: Application, slug: String = "umea", title: String = "Civic Tech Umeå"
    ) async throws -> LocalGroup {
        let group = LocalGroup()
        group.slug = slug
        group.language = .sv
        group.title = title
        group.excerpt = ""
        group.ingress = ""
        group.body = ""
        group.contacts = []
        group.partners = []
        try await group.save(on: app.db)
        return group
    }

    @Test(
        "a member who acts for an organisation publishes an event for it and changes it; not for another's, nor another's event"
    )
    func organisationMembers() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (umea, owner) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, email: "umea@example.org")
            let (_, other) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "forening@example.org")

            // The organisation's page offers it; the form comes with the organisation named.
            let page = try await owner.get("/organisations/umea-kommun").text
            #expect(page.contains(#"href="/events/new?organisation=umea%2Dkommun">Nytt evenemang</a>"#))
            #expect(try await owner.get("/events/new?organisation=umea-kommun").text.contains(#"value="Umeå kommun""#))

            let refused = try await owner.post(
                "/events", form: Self.event("Någon annans", organisation: "Föreningen Data"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Välj en av dina organisationer som arrangör"))
            #expect(try await owner.post("/events", form: Self.event("Utan arrangör")).status == .unprocessableEntity)

            let saved = try await owner.post("/events", form: Self.event("Datadag i Umeå", organisation: "Umeå kommun"))
            #expect(saved.status == .seeOther)
            let event = try #require(try await Event.find(slug: "datadag-i-umea", on: app.db))
            #expect(try await event.$organisations.get(on: app.db).map(\.id) == [umea.id])
            #expect(try await app.testing().sendRequest(.GET, "/events/datadag-i-umea").status == .ok)
            #expect(
                try await app.testing().sendRequest(.GET, "/organisations/umea-kommun").text.contains("Datadag i Umeå"))

            let edit = try await owner.get("/events/datadag-i-umea/edit")
            #expect(edit.status == .ok)
            var changed = Self.event("Datadag i Umeå", organisation: "Umeå kommun")
            changed["slug"] = "datadag-i-umea"
            changed["placeName"] = "Väven"
            #expect(try await owner.post("/events/datadag-i-umea/edit", form: changed).status == .seeOther)
            // Taking their own organisation away would leave an event that is no longer theirs.
            var away = changed
            away["organisationName[]"] = "Föreningen Data"
            #expect(try await owner.post("/events/datadag-i-umea/edit", form: away).status == .unprocessableEntity)

            // Another organisation's member may not touch it.
            try await other.get("/events")
            #expect(try await other.get("/events/datadag-i-umea/edit").status == .forbidden)
            #expect(try await other.post("/events/datadag-i-umea/edit", form: changed).status == .forbidden)
            #expect(try await other.post("/events/datadag-i-umea/delete", form: [:]).status == .forbidden)
            #expect(try await Event.find(slug: "datadag-i-umea", on: app.db)?.placeName == "Väven")
        }
    }

    @Test(
        "staff and the group's organisers appoint organisers by account address; the one appointed is told and publishes for the group"
    )
    func groupOrganisers() async throws {
        try await withSamverka { app in
            _ = try await Self.group(app)
            let anna = Browser(app)
            try await anna.signIn(as: .member, email: "anna@example.org")
            let bo = Browser(app)
            try await bo.signIn(as: .member, email: "bo@example.org")
            #expect(try await anna.get("/events/new").status == .forbidden)
            #expect(!(try await anna.get("/groups/umea").text.contains("Arrangörer i gruppen")))
            #expect(
                try await anna.post("/groups/umea/organisers", form: ["email": "anna@example.org"]).status == .forbidden
            )

            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            try await admin.get("/groups/umea")
            let unknown = try await admin.post("/groups/umea/organisers", form: ["email": "nobody@example.org"])
            #expect(unknown.status == .seeOther)
            #expect(
                try await admin.get("/groups/umea").text.contains(
                    "Det finns inget konto med adressen ”nobody@example.org”."))
            _ = try await admin.post("/groups/umea/organisers", form: ["email": " Anna@Example.org "])
            let groupPage = try await admin.get("/groups/umea").text
            #expect(groupPage.contains("Test member kan nu publicera evenemang för Civic Tech Umeå."))
            let annaID = try #require(try await Member.find(email: "anna@example.org", on: app.db)?.id)
            let told = try await MemberNotification.query(on: app.db).filter(\.$member.$id == annaID).all()
            #expect(told.map(\.kind) == [.groupOrganiserAdded])

            // Anna, now an organiser, publishes for the group, and may appoint Bo.
            let page = try await anna.get("/groups/umea").text
            #expect(page.contains(#"href="/events/new?group=umea">Nytt evenemang för gruppen</a>"#))
            #expect(try await anna.get("/events/new?group=umea").text.contains(#"<option value="umea" selected>"#))
            #expect(try await anna.post("/events", form: Self.event("Hackkväll", group: "umea")).status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/groups/umea").text.contains("Hackkväll"))
            #expect(
                try await anna.post("/groups/umea/organisers", form: ["email": "bo@example.org"]).status == .seeOther)
            #expect(try await bo.get("/events/hackkvall/edit").status == .ok)

            // Taken away again, Bo can no longer change it.
            let bosRow = try #require(
                try await LocalGroupOrganiser.query(on: app.db).join(
                    Member.self, on: \LocalGroupOrganiser.$member.$id == \Member.$id
                )
                .filter(Member.self, \.$email == "bo@example.org").first())
            try await anna.get("/groups/umea")
            #expect(
                try await anna.post("/groups/umea/organisers/\(try bosRow.requireID())/remove", form: [:]).status
                    == .seeOther)
            #expect(try await bo.get("/events/hackkvall/edit").status == .forbidden)
            #expect(try await anna.post("/groups/umea/organisers/\(UUID())/remove", form: [:]).status == .notFound)
        }
    }

    @Test(
        "a moderator unpublishes an event with a reason: it leaves every list and feed, its owners are told, and it can come back"
    )
    func unpublish() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, owner) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, email: "umea@example.org")
            var form = Self.event("Reklamdag", organisation: "Umeå kommun")
            form["startsAt"] = "2026-03-12T18:00"
            try await owner.get("/events/new")
            #expect(try await owner.post("/events", form: form).status == .seeOther)
            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "moderator@example.org")
            let page = try await moderator.get("/events/reklamdag").text
            #expect(page.contains(#"action="/events/reklamdag/unpublish""#))
            #expect(!(try await owner.get("/events/reklamdag").text.contains("/unpublish")))

            for listed in ["/events", "/events.ics", "/api/v1/events", "/organisations/umea-kommun"] {
                #expect(try await app.testing().sendRequest(.GET, listed).text.contains("Reklamdag"), "\(listed)")
            }
            // Without a reason nothing happens.
            _ = try await moderator.post("/events/reklamdag/unpublish", form: ["reason": "  "])
            #expect(try await app.testing().sendRequest(.GET, "/events/reklamdag").status == .ok)

            let done = try await moderator.post(
                "/events/reklamdag/unpublish", form: ["reason": "Det här är reklam, inte ett evenemang för nätverket."])
            #expect(done.status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, "/events/reklamdag").status == .notFound)
            #expect(!(try await app.testing().sendRequest(.GET, "/events").text.contains("Reklamdag")))
            #expect(!(try await app.testing().sendRequest(.GET, "/events.ics").text.contains("Reklamdag")))
            #expect(!(try await app.testing().sendRequest(.GET, "/api/v1/events").text.contains("Reklamdag")))
            #expect(
                !(try await app.testing().sendRequest(.GET, "/organisations/umea-kommun").text.contains("Reklamdag")))
            #expect(try await app.testing().sendRequest(.GET, "/events/reklamdag/calendar.ics").status == .notFound)

            // The owner still sees the page, with the reason, and was told.
            let seen = try await owner.get("/events/reklamdag").text
            #expect(seen.contains("Avpublicerat av en moderator"))
            #expect(seen.contains("Det här är reklam, inte ett evenemang för nätverket."))
            #expect(!seen.contains("/events/reklamdag/calendar.ics"))
            // The owner changes it: it stays off the site, and the moderators hear of it.
            #expect(try await owner.get("/events/reklamdag/edit").status == .ok)
            var fixed = form
            fixed["slug"] = "reklamdag"
            fixed["body"] = "Ett öppet möte om data, utan försäljning."
            #expect(try await owner.post("/events/reklamdag/edit", form: fixed).status == .seeOther)
            #expect(try await owner.get("/events/reklamdag").text.contains("Det är fortfarande avpublicerat"))
            #expect(try await app.testing().sendRequest(.GET, "/events/reklamdag").status == .notFound)
            let stored = try #require(try await Event.find(slug: "reklamdag", includingUnpublished: true, on: app.db))
            #expect(stored.body == "Ett öppet möte om data, utan försäljning." && stored.unpublishedAt != nil)
            let moderatorID = try #require(try await Member.find(email: "moderator@example.org", on: app.db)?.id)
            #expect(
                try await MemberNotification.query(on: app.db).filter(\.$member.$id == moderatorID).filter(
                    \.$kind == .unpublishedEventChanged
                ).count() == 1)
            let ownerID = try #require(try await Member.find(email: "umea@example.org", on: app.db)?.id)
            let notice = try #require(
                try await MemberNotification.query(on: app.db).filter(\.$member.$id == ownerID).filter(
                    \.$kind == .eventUnpublished
                ).first())
            #expect(notice.values["message"] == "Det här är reklam, inte ett evenemang för nätverket.")
            let mail = try await OutgoingMail.query(on: app.db).filter(\.$toAddress == "umea@example.org").all()
            #expect(mail.contains { $0.subject == "”Reklamdag” är avpublicerat" })

            // Its slug stays its own: a new event cannot take it and gets a message, not an error.
            var same = Self.event("Reklamdag", organisation: "Umeå kommun")
            same["slug"] = "reklamdag"
            let taken = try await owner.post("/events", form: same)
            #expect(taken.status == .unprocessableEntity)

            _ = try await moderator.post("/events/reklamdag/republish", form: [:])
            #expect(try await app.testing().sendRequest(.GET, "/events/reklamdag").status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/events").text.contains("Reklamdag"))
            #expect(try await Event.find(slug: "reklamdag", on: app.db)?.unpublishedReason == nil)
            #expect(
                try await owner.post("/events/reklamdag/unpublish", form: ["reason": "Jag vill"]).status == .forbidden)
        }
    }
}
