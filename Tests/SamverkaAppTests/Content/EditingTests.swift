import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Editors create, edit and delete content")
struct EditingTests {
    static let goodEvent = [
        "title": "Öppna data-fika", "slug": "", "language": "sv", "translationKey": "",
        "excerpt": "Vi pratar öppna data.",
        "ingress": "", "body": "**Välkommen!**", "image": "", "startsAt": "2026-03-12T18:00",
        "endsAt": "2026-03-12T20:00",
        "dateDescription": "12 mars kl 18–20", "format": "hybrid", "status": "scheduled",
        "placeName": "Stadsbiblioteket",
        "address": "Rådhusesplanaden 6A", "municipalityCode": "2480", "onlineURL": "https://meet.example.org/fika",
        "localGroup": "", "recurrence": "none", "recurrenceUntil": "", "linkTitle[]": "Forum",
        "linkURL[]": "https://forum.example.org/t/1",
        "partnerTitle[]": "Föreningen X", "partnerURL[]": "https://x.example.org", "partnerLogo[]": "",
    ]

    @Test("an admin creates an event through the form; it shows at once")
    func createEvent() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let form = try await browser.get("/events/new")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"<option value="2480">Umeå (Västerbottens län)</option>"#))
            let saved = try await browser.post("/events", form: Self.goodEvent)
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/events/oppna-data-fika")
            let event = try #require(try await Event.find(slug: "oppna-data-fika", on: app.db))
            // 18:00 in Stockholm in March (UTC+1) is 17:00 UTC.
            #expect(event.startsAt == Date(timeIntervalSince1970: 1_773_334_800))
            #expect(event.links == [ContentLink(title: "Forum", url: "https://forum.example.org/t/1")])
            #expect(event.municipalityCode == "2480")
            let page = try await browser.get("/events/oppna-data-fika")
            #expect(
                page.text.contains("Öppna data-fika är sparat") || page.text.contains("”Öppna data-fika” är sparat."))
            #expect(page.text.contains("<strong>Välkommen!</strong>"))
            #expect(page.text.contains("Umeå"))
        }
    }

    @Test("bad fields come back with every value kept and a message beside each")
    func badEvent() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .moderator)
            try await browser.get("/events/new?lang=en")
            var input = Self.goodEvent
            input["title"] = ""
            input["startsAt"] = "next tuesday"
            input["endsAt"] = "2020-01-01T10:00"
            input["onlineURL"] = "javascript:alert(1)"
            input["linkTitle[]"] = "Broken line"
            input["linkURL[]"] = ""
            input["municipalityCode"] = "9999"
            input["body"] = "Det här får inte försvinna."
            let response = try await browser.post("/events", form: input)
            #expect(response.status == .unprocessableEntity)
            let html = response.text
            #expect(html.contains("Fill in this field."))
            #expect(html.contains("Write the date and time as 2026-05-20 14:00."))
            #expect(html.contains("Write a web address starting with https://"))
            #expect(html.contains("Row 1: a link needs both a title and a web address."))
            #expect(html.contains("Choose one of the options."))
            #expect(html.contains(#"value="next tuesday""#))
            #expect(html.contains("Det här får inte försvinna."))
            #expect(html.contains("Broken line"))
            #expect(try await Event.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "a bare or garbled POST gets the form back with messages, for every kind of content",
        arguments: ["/events", "/projects", "/groups"])
    func barePost(_ path: String) async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get(path + "/new")
            let bare = try await browser.post(path, form: [:])
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.text.contains("Fyll i det här fältet."))
            let garbled = try await browser.post(
                path,
                form: [
                    "title": "X", "format": "teleport", "status": "?", "recurrence": "daily",
                    "language": "fi", "startsAt": "2026-13-45T99:99", "localGroup": "nowhere",
                ])
            #expect(garbled.status == .unprocessableEntity)
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
        }
    }

    @Test("a taken slug is refused")
    func takenSlug() async throws {
        try await withSamverka { app in
            try await app.makeEvent(slug: "oppna-data-fika", title: "Första", startsAt: testNow)
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new")
            let response = try await browser.post("/events", form: Self.goodEvent)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Adressen används redan."))
        }
    }

    @Test("an editor changes a project and its events; the old values are replaced")
    func editProject() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let browser = Browser(app)
            try await browser.signIn(as: .moderator)
            let form = try await browser.get("/projects/skjutsgruppen/edit")
            #expect(form.status == .ok)
            #expect(form.text.contains("Skjutsgruppen"))
            let fields = try FormReader.fields(of: form.text, action: "/projects/skjutsgruppen/edit")
            func with(_ fields: [(String, String)], _ name: String, _ value: String) -> [(String, String)] {
                fields.map { $0.0 == name ? ($0.0, value) : $0 }
            }
            // Events are rows: one named as the suggestions write it, one by its address name.
            let hackathon = try #require(try await Event.find(slug: "hackathon-1", on: app.db))
            let suggested =
                "Hackathon #1 (" + DateText(timeZone: app.settings.timeZone, language: .sv).date(hackathon.startsAt)
                + ", svenska)"
            #expect(form.text.contains(#"<option value="\#(suggested)">"#))
            let changed =
                with(with(fields, "title", "Skjutsgruppen (ny)"), "tags", "resor, delning").filter {
                    $0.0 != "eventName[]"
                }
                + [("eventName[]", suggested), ("eventName[]", "meetup-2"), ("eventName[]", "")]
            let saved = try await browser.post("/projects/skjutsgruppen/edit", fields: changed)
            #expect(saved.status == .seeOther)
            let project = try #require(try await Project.find(slug: "skjutsgruppen", on: app.db))
            #expect(project.title == "Skjutsgruppen (ny)")
            #expect(project.tags == ["resor", "delning"])
            #expect(Set(try await project.$events.get(on: app.db).map(\.slug)) == ["hackathon-1", "meetup-2"])
            #expect(project.contacts.first?.email == "hej@skjutsgruppen.se")
            let kept = try await browser.post(
                "/projects/skjutsgruppen/edit", fields: with(changed, "slug", "Ogiltig Adress!"))
            #expect(kept.status == .unprocessableEntity)
            #expect(kept.text.contains(#"action="/projects/skjutsgruppen/edit""#))
            #expect(kept.text.contains(#"value="Ogiltig Adress!""#))
            let refused = try await browser.post(
                "/projects/skjutsgruppen/edit",
                fields: changed.filter { $0.0 != "eventName[]" } + [("eventName[]", "finns-inte")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Rad 1: inget evenemang heter ”finns-inte”."))
        }
    }

    @Test("an event's organisations are rows of names with suggestions; an unknown one is said with its row")
    func eventOrganisations() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            _ = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let browser = Browser(app)
            try await browser.signIn(as: .admin, email: "admin@example.org")
            let form = try await browser.get("/events/new")
            #expect(form.text.contains(#"<datalist id="list-organisations"><option value="Umeå kommun">Umeå</option>"#))
            var input = Self.goodEvent
            input["organisationName[]"] = "Umeå Kommun"
            #expect(try await browser.post("/events", form: input).status == .seeOther)
            let event = try #require(try await Event.find(slug: "oppna-data-fika", on: app.db))
            #expect(try await event.$organisations.get(on: app.db).map(\.slug) == ["umea-kommun"])
            try await browser.get("/events/oppna-data-fika/edit")
            input["organisationName[]"] = "Kommunen som inte finns"
            let refused = try await browser.post("/events/oppna-data-fika/edit", form: input)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Rad 1: ingen organisation på Samverka heter ”Kommunen som inte finns”."))
            #expect(
                try await browser.submitUnchanged(
                    page: "/events/oppna-data-fika/edit", action: "/events/oppna-data-fika/edit"
                ).status == .seeOther)
            #expect(try await event.$organisations.get(reload: true, on: app.db).map(\.slug) == ["umea-kommun"])
        }
    }

    @Test("an admin deletes a group after confirming")
    func deleteGroup() async throws {
        try await withSamverka { app in
            try await Fixtures.importCivicTechSite(into: app)
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let confirm = try await browser.get("/groups/uppsala/delete")
            #expect(confirm.text.contains("Vill du ta bort ”Civic Tech Uppsala”?"))
            let deleted = try await browser.post("/groups/uppsala/delete", form: [:])
            #expect(deleted.headers.first(name: .location) == "/groups")
            #expect(try await LocalGroup.find(slug: "uppsala", on: app.db) == nil)
            // Its events stay, without a group.
            #expect(try await Event.query(on: app.db).count() == 74)
            #expect(try await app.testing().sendRequest(.GET, "/groups/uppsala").status == .notFound)
        }
    }

    @Test("members and visitors cannot edit; their requests change nothing")
    func permissions() async throws {
        try await withSamverka { app in
            try await app.makeEvent(slug: "fika", title: "Fika", startsAt: testNow)
            let member = Browser(app)
            try await member.signIn(as: .member)
            #expect(try await member.get("/events/new").status == .forbidden)
            #expect(try await member.get("/events/fika/edit").status == .forbidden)
            #expect(try await member.post("/events/fika/delete", form: [:]).status == .forbidden)
            #expect(try await member.post("/events", form: Self.goodEvent).status == .forbidden)
            let visitor = Browser(app)
            try await visitor.get("/sign-in")
            #expect(try await visitor.post("/events/fika/delete", form: [:]).status == .unauthorized)
            #expect(try await Event.query(on: app.db).count() == 1)
            #expect(!(try await member.get("/events/fika").text.contains("/events/fika/edit")))
        }
    }
}
