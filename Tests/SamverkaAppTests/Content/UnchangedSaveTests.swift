import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

/// People open an edit page and press Save. Browsers send a textarea's line breaks as CRLF, so
/// these tests read the form off the page and send it back as Chromium would.
@Suite("Saving a form as a browser sends it")
struct UnchangedSaveTests {
    @Test("an event with several links and partners saves unchanged, and again with a change")
    func event() async throws {
        try await withSamverka { app in
            let event = try await app.makeEvent(
                slug: "workshop-oppna-data", title: "Workshop: öppna data", startsAt: testNow.addingTimeInterval(86_400)
            )
            event.links = [
                ContentLink(title: "Forum", url: "https://forum.example.org"),
                ContentLink(title: "Bilder", url: "https://bilder.example.org"),
            ]
            event.partners = [
                Partner(title: "Föreningen X", url: "https://x.example.org", logo: ""),
                Partner(title: "Region Y", url: "", logo: ""),
            ]
            try await event.save(on: app.db)
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let saved = try await browser.submitUnchanged(
                page: "/events/workshop-oppna-data/edit", action: "/events/workshop-oppna-data/edit")
            #expect(saved.status == .seeOther, "\(saved.text.prefix(2_000))")
            let stored = try #require(try await Event.find(slug: "workshop-oppna-data", on: app.db))
            #expect(stored.links.map(\.title) == ["Forum", "Bilder"])
            #expect(stored.partners.map(\.title) == ["Föreningen X", "Region Y"])

            let html = try await browser.get("/events/workshop-oppna-data/edit").text
            var fields = try FormReader.fields(of: html, action: "/events/workshop-oppna-data/edit")
            // The first empty link row gets a new link.
            let empty = try #require(fields.indices.first { fields[$0] == ("linkTitle[]", "") })
            fields[empty] = ("linkTitle[]", "Karta")
            let emptyURL = try #require(fields.indices.first { fields[$0] == ("linkURL[]", "") })
            fields[emptyURL] = ("linkURL[]", "https://karta.example.org")
            #expect(try await browser.post("/events/workshop-oppna-data/edit", fields: fields).status == .seeOther)
            #expect(try await Event.find(slug: "workshop-oppna-data", on: app.db)?.links.count == 3)
        }
    }

    @Test("an imported online event without a link saves unchanged; a new one, or a link taken away, still needs one")
    func onlineWithoutLink() async throws {
        try await withSamverka { app in
            let event = try await app.makeEvent(
                slug: "webinar", title: "Webbinarium om tillgänglighet", startsAt: testNow.addingTimeInterval(86_400))
            event.format = .online
            event.placeName = ""
            event.address = ""
            try await event.save(on: app.db)
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let saved = try await browser.submitUnchanged(page: "/events/webinar/edit", action: "/events/webinar/edit")
            #expect(saved.status == .seeOther, "\(saved.text.prefix(2_000))")

            event.onlineURL = "https://meet.example.org/webinar"
            try await event.save(on: app.db)
            let html = try await browser.get("/events/webinar/edit").text
            let fields = try FormReader.fields(of: html, action: "/events/webinar/edit").map {
                $0.0 == "onlineURL" ? ($0.0, "") : $0
            }
            let refused = try await browser.post("/events/webinar/edit", fields: fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Ett evenemang online behöver en länk eller en plats"))
        }
    }

    @Test("an edition with several themes and target groups saves unchanged")
    func programme() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            fixture.programme.targetGroups.append(ProgrammeTerm(key: "foretag", sv: "Företag", en: "Businesses"))
            try await fixture.programme.save(on: app.db)
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let path = "/programmes/innovationsveckan-2026/edit"
            let saved = try await browser.submitUnchanged(page: path, action: path)
            #expect(saved.status == .seeOther, "\(saved.text.prefix(2_000))")
            let stored = try #require(try await Programme.find(slug: "innovationsveckan-2026", on: app.db))
            #expect(stored.themes.map(\.key) == ["ai", "klimat"])
            #expect(stored.targetGroups.map(\.key) == ["allmanhet", "foretag"])

            // Themes are rows: rename one (its key stays), empty another, add one (its key comes
            // from the Swedish name), and an English name alone is refused with its row.
            let html = try await browser.get(path).text
            var fields = try FormReader.fields(of: html, action: path).filter {
                !["themeSv[]", "themeEn[]", "themeKey[]"].contains($0.0)
            }
            fields += [
                ("themeKey[]", "ai"), ("themeSv[]", "AI och data"), ("themeEn[]", "AI and data"),
                ("themeKey[]", "klimat"), ("themeSv[]", ""), ("themeEn[]", ""),
                ("themeKey[]", ""), ("themeSv[]", "Öppen förvaltning"), ("themeEn[]", ""),
                ("themeKey[]", ""), ("themeSv[]", ""), ("themeEn[]", ""),
            ]
            #expect(try await browser.post(path, fields: fields).status == .seeOther)
            let renamed = try #require(try await Programme.find(slug: "innovationsveckan-2026", on: app.db)).themes
            #expect(
                renamed == [
                    ProgrammeTerm(key: "ai", sv: "AI och data", en: "AI and data"),
                    ProgrammeTerm(key: "oppen-forvaltning", sv: "Öppen förvaltning", en: "Öppen förvaltning"),
                ])
            let refused = try await browser.post(
                path, fields: fields + [("themeKey[]", ""), ("themeSv[]", ""), ("themeEn[]", "Only English")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Rad 5: skriv namnet på svenska också."))
        }
    }

    @Test("rows skip the empty ones and number the rest as a person sees them")
    func rows() throws {
        let links = try LineLists.links(
            title: ["A", "", "B"], url: ["https://a.example.org", "", "https://b.example.org"]
        ).get()
        #expect(links.map(\.title) == ["A", "B"])
        let partners = try LineLists.partners(title: ["X", "Y"], url: ["https://x.example.org", ""], logo: ["", ""])
            .get()
        #expect(partners.map(\.title) == ["X", "Y"])
        let contacts = try LineLists.contacts(
            name: ["Anna", "Björn"], role: ["ordförande"], email: nil, organisation: nil, organisationURL: nil
        ).get()
        #expect(contacts.map(\.name) == ["Anna", "Björn"] && contacts.first?.role == "ordförande")
        let broken = LineLists.links(title: ["A", "", "trasig"], url: ["https://a.example.org", "", ""])
        #expect(broken == .failure(LineLists.LineError(line: 3, key: "error.lines.link")))
        #expect(
            LineLists.contacts(name: [""], role: ["sekreterare"], email: nil, organisation: nil, organisationURL: nil)
                == .failure(LineLists.LineError(line: 1, key: "error.lines.contact")))
    }
}
