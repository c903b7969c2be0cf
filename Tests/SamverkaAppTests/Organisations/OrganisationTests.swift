import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Organisations")
struct OrganisationTests {
    static let umea = [
        "name": "Umeå kommun", "slug": "", "sector": "municipality", "organisationNumber": "212000-2627",
        "municipalityCode": "2480", "website": "https://www.umea.se", "description": "Kommunen vid **Umeälven**.",
        "logo": "",
    ]

    /// Registers an organisation as the browser's member and returns its slug.
    @discardableResult
    static func register(_ browser: Browser, _ form: [String: String] = umea) async throws -> String {
        try await browser.get("/organisations/new")
        let response = try await browser.post("/organisations", form: form)
        #expect(response.status == .seeOther)
        return String(response.headers.first(name: .location)?.split(separator: "/").last ?? "")
    }

    @Test("a member registers an organisation and becomes its owner")
    func register() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member, email: "owner@example.org")
            var form = Self.umea
            form["organisationNumber"] = "2120002627"
            let slug = try await Self.register(owner, form)
            #expect(slug == "umea-kommun")
            let organisation = try #require(try await Organisation.find(slug: slug, on: app.db))
            #expect(organisation.sector == .municipality)
            #expect(organisation.organisationNumber == "212000-2627")
            let membership = try #require(try await organisation.$memberships.query(on: app.db).first())
            #expect(membership.role == .owner)
            let page = try await owner.get("/organisations/umea-kommun")
            #expect(page.text.contains("Umeå kommun är registrerad. Du är dess ägare."))
            #expect(page.text.contains("<strong>Umeälven</strong>"))
            #expect(page.text.contains("offentlig sektor"))
            #expect(page.text.contains(#"href="/organisations/umea-kommun/edit""#))
            #expect(!page.text.contains("Verifierad"))
        }
    }

    @Test("bad fields are named, values kept: check digit, a taken number, a municipality without its municipality")
    func validation() async throws {
        try await withSamverka { app in
            let first = Browser(app)
            try await first.signIn(as: .member, email: "first@example.org")
            try await Self.register(first)
            let second = Browser(app)
            try await second.signIn(as: .member, email: "second@example.org")
            try await second.get("/organisations/new")
            var form = Self.umea
            form["name"] = "Umeå kommun (kopia)"
            let taken = try await second.post("/organisations", form: form)
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.text.contains("Umeå kommun har redan det numret. Be att få gå med i den i stället."))
            form["organisationNumber"] = "212000-2628"
            form["municipalityCode"] = ""
            let wrong = try await second.post("/organisations", form: form)
            #expect(wrong.text.contains("Kontrollsiffran stämmer inte."))
            #expect(wrong.text.contains("Välj vilken kommun det är."))
            #expect(wrong.text.contains(#"value="212000-2628""#))
            #expect(try await Organisation.query(on: app.db).count() == 1)
        }
    }

    @Test("one organisation's people can never change another's")
    func permissions() async throws {
        try await withSamverka { app in
            let umea = Browser(app)
            try await umea.signIn(as: .member, email: "umea@example.org")
            try await Self.register(umea)
            let other = Browser(app)
            try await other.signIn(as: .member, email: "lulea@example.org")
            try await Self.register(
                other, ["name": "Föreningen Norrsken", "sector": "civil_society", "description": ""])
            #expect(try await other.get("/organisations/umea-kommun/edit").status == .forbidden)
            #expect(
                try await other.post(
                    "/organisations/umea-kommun/edit", form: Self.umea.merging(["name": "Kapad"]) { $1 }
                ).status == .forbidden)
            #expect(try await other.get("/organisations/umea-kommun/members").status == .forbidden)
            let membership = try #require(try await OrganisationMembership.query(on: app.db).first())
            #expect(
                try await other.post(
                    "/organisations/umea-kommun/members/\(try membership.requireID())", form: ["action": "remove"]
                ).status == .forbidden)
            #expect(
                try await other.post("/organisations/umea-kommun/verify", form: ["verified": "true"]).status
                    == .forbidden)
            #expect(try await Organisation.find(slug: "umea-kommun", on: app.db)?.name == "Umeå kommun")
            #expect(try await OrganisationMembership.query(on: app.db).count() == 2)
            let visitor = Browser(app)
            #expect(try await visitor.get("/organisations/new").status == .seeOther)
        }
    }

    @Test("asking to join, an owner's approval, and never losing the last owner")
    func joining() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member, email: "owner@example.org")
            try await Self.register(owner)
            let newcomer = Browser(app)
            try await newcomer.signIn(as: .member, email: "newcomer@example.org")
            let page = try await newcomer.get("/organisations/umea-kommun")
            #expect(page.text.contains("Be om att få gå med"))
            try await newcomer.post("/organisations/umea-kommun/join", form: [:])
            #expect(try await newcomer.get("/organisations/umea-kommun").text.contains("En ägare svarar."))
            #expect(try await newcomer.get("/organisations/umea-kommun/edit").status == .forbidden)

            let members = try await owner.get("/organisations/umea-kommun/members")
            #expect(members.text.contains("newcomer@example.org"))
            let request = try #require(
                try await OrganisationMembership.query(on: app.db).filter(\.$status == .requested).first())
            let action = "/organisations/umea-kommun/members/\(try request.requireID())"
            #expect(try await owner.post(action, form: ["action": "approve"]).status == .seeOther)
            #expect(try await newcomer.get("/organisations/umea-kommun/edit").status == .ok)

            let own = try #require(try await OrganisationMembership.query(on: app.db).filter(\.$role == .owner).first())
            let ownAction = "/organisations/umea-kommun/members/\(try own.requireID())"
            try await owner.post(ownAction, form: ["action": "remove"])
            #expect(try await owner.get("/organisations/umea-kommun/members").text.contains("minst en ägare"))
            #expect(try await OrganisationMembership.query(on: app.db).filter(\.$role == .owner).count() == 1)
            try await owner.post(action, form: ["action": "owner"])
            try await owner.post(ownAction, form: ["action": "editor"])
            #expect(try await OrganisationMembership.find(own.id, on: app.db)?.role == .editor)
        }
    }

    @Test("two owners demoting each other at the same moment leave one owner, never none")
    func concurrentDemotions() async throws {
        try await withSamverka { app in
            let first = Browser(app)
            try await first.signIn(as: .member, email: "first@example.org")
            try await Self.register(first)
            let second = Browser(app)
            try await second.signIn(as: .member, email: "second@example.org")
            try await app.addMember(
                "second@example.org", to: try #require(try await Organisation.find(slug: "umea-kommun", on: app.db)),
                as: .owner)
            let memberships = try await OrganisationMembership.query(on: app.db).with(\.$member).all()
            let firstMembership = try #require(memberships.first { $0.member.email == "first@example.org" })
            let secondMembership = try #require(memberships.first { $0.member.email == "second@example.org" })
            try await first.get("/organisations/umea-kommun/members")
            try await second.get("/organisations/umea-kommun/members")
            async let one = first.post(
                "/organisations/umea-kommun/members/\(try secondMembership.requireID())", form: ["action": "editor"])
            async let two = second.post(
                "/organisations/umea-kommun/members/\(try firstMembership.requireID())", form: ["action": "editor"])
            _ = try await (one, two)
            #expect(try await OrganisationMembership.query(on: app.db).filter(\.$role == .owner).count() == 1)
        }
    }

    @Test("the only owner of an organisation cannot delete their account until someone else owns it")
    func onlyOwnerKeepsAccount() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member, email: "owner@example.org")
            try await Self.register(owner)
            try await owner.get("/account")
            let refused = try await owner.post("/account/delete", form: ["password": "correct horse battery"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Du är den enda ägaren av Umeå kommun."))
            #expect(try await Member.find(email: "owner@example.org", on: app.db) != nil)

            let other = Browser(app)
            try await other.signIn(as: .member, email: "other@example.org")
            try await app.addMember(
                "other@example.org", to: try #require(try await Organisation.find(slug: "umea-kommun", on: app.db)),
                as: .owner)
            #expect(try await owner.post("/account/delete", form: ["password": "correct horse battery"]).status == .ok)
            #expect(try await Member.find(email: "owner@example.org", on: app.db) == nil)
        }
    }

    @Test("an admin verifies an organisation; the badge shows in the directory and on its page")
    func verification() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member, email: "owner@example.org")
            try await Self.register(owner)
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            let page = try await admin.get("/organisations/umea-kommun")
            #expect(page.text.contains("Verifiera organisationen"))
            #expect(
                try await admin.post("/organisations/umea-kommun/verify", form: ["verified": "true"]).status
                    == .seeOther)
            #expect(try await Organisation.find(slug: "umea-kommun", on: app.db)?.isVerified == true)
            #expect(try await app.testing().sendRequest(.GET, "/organisations").text.contains("Verifierad"))
            #expect(try await app.testing().sendRequest(.GET, "/organisations/umea-kommun").text.contains("Verifierad"))
        }
    }

    @Test("a renamed organisation shows by its new name at once on the programme a visitor reads")
    func renameReachesProgramme() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            #expect(
                try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026").text.contains(
                    "Umeå kommun"))
            let owner = Browser(app)
            try await owner.signIn(as: .member, email: "ny-agare@example.org")
            let organisation = try #require(try await Organisation.find(slug: "umea-kommun", on: app.db))
            let member = try #require(try await Member.find(email: "ny-agare@example.org", on: app.db))
            try await OrganisationMembership(
                organisationID: try organisation.requireID(), memberID: try member.requireID(), role: .owner,
                status: .active
            )
            .save(on: app.db)
            try await owner.get("/organisations/umea-kommun/edit")
            let saved = try await owner.post(
                "/organisations/umea-kommun/edit",
                form: Self.umea.merging(["name": "Umeå kommun (ny)", "slug": "umea-kommun"]) { $1 })
            #expect(saved.status == .seeOther)
            let programme = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026")
            #expect(programme.text.contains("Umeå kommun (ny)"))
        }
    }

    @Test(
        "a verified organisation keeps its badge through ordinary edits and loses it when its name, number or sector changes"
    )
    func badgeFollowsFacts() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member, email: "owner@example.org")
            try await Self.register(owner)
            let organisation = try #require(try await Organisation.find(slug: "umea-kommun", on: app.db))
            organisation.verifiedAt = testNow
            try await organisation.save(on: app.db)

            try await owner.get("/organisations/umea-kommun/edit")
            let described = try await owner.post(
                "/organisations/umea-kommun/edit", form: Self.umea.merging(["description": "Ny text."]) { $1 })
            #expect(described.status == .seeOther)
            #expect(try await Organisation.find(slug: "umea-kommun", on: app.db)?.isVerified == true)

            for change in [["name": "Umeå kommun (ny)"], ["organisationNumber": "232100-0156"], ["sector": "agency"]] {
                let again = try #require(try await Organisation.find(slug: "umea-kommun", on: app.db))
                again.verifiedAt = testNow
                try await again.save(on: app.db)
                try await owner.get("/organisations/umea-kommun/edit")
                try await owner.post(
                    "/organisations/umea-kommun/edit",
                    form: Self.umea.merging(change.merging(["slug": "umea-kommun"]) { $1 }) { $1 })
                #expect(try await Organisation.find(slug: "umea-kommun", on: app.db)?.isVerified == false, "\(change)")
            }
            #expect(
                try await owner.get("/organisations/umea-kommun").text.contains(
                    "behöver en administratör verifiera organisationen igen"))
        }
    }

    @Test("the directory filters by sector and finds names without their accents")
    func directory() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member)
            try await Self.register(owner)
            try await Self.register(
                owner, ["name": "Föreningen Norrsken", "sector": "civil_society", "description": ""])
            let all = try await app.testing().sendRequest(.GET, "/organisations").text
            #expect(all.contains("2 organisationer"))
            let search = try await app.testing().sendRequest(.GET, "/organisations?q=umea").text
            #expect(search.contains("Umeå kommun"))
            #expect(!search.contains("Föreningen Norrsken"))
            let sector = try await app.testing().sendRequest(.GET, "/organisations?sector=civil_society").text
            #expect(sector.contains("Föreningen Norrsken"))
            #expect(!sector.contains(">Umeå kommun<"))
        }
    }

    @Test("an event names its organisations, and an organisation lists its events")
    func events() async throws {
        try await withSamverka { app in
            let owner = Browser(app)
            try await owner.signIn(as: .member)
            try await Self.register(owner)
            let editor = Browser(app)
            try await editor.signIn(as: .moderator, email: "moderator@example.org")
            try await editor.get("/events/new")
            var event = EditingTests.goodEvent
            event["organisationName[]"] = "umea-kommun"
            #expect(try await editor.post("/events", form: event).status == .seeOther)
            let eventPage = try await app.testing().sendRequest(.GET, "/events/oppna-data-fika").text
            #expect(eventPage.contains(#"<a href="/organisations/umea-kommun">Umeå kommun</a>"#))
            let organisationPage = try await app.testing().sendRequest(.GET, "/organisations/umea-kommun").text
            #expect(organisationPage.contains("Öppna data-fika"))
            event["organisationName[]"] = "finns-inte"
            event["slug"] = "annan"
            let refused = try await editor.post("/events", form: event)
            #expect(refused.text.contains("Rad 1: ingen organisation på Samverka heter ”finns-inte”."))
        }
    }
}
