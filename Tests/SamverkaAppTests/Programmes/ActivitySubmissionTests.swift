import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Submitting activities to a programme")
struct ActivitySubmissionTests {
    @Test("a municipality's organiser submits an activity; it waits for review, hidden from the public")
    func submit() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let form = try await umea.get(fixture.newPath)
            #expect(form.text.contains("Skicka in för granskning"))
            #expect(form.text.contains("Spara utkast"))
            let activity = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun"))
            #expect(activity.status == .submitted)
            #expect(activity.themes == ["ai"])
            #expect(activity.stepFree)
            let own = try await umea.get(try fixture.path(activity))
            #expect(own.text.contains("Väntar på granskning"))
            let mine = try await umea.get("/account/activities")
            #expect(mine.text.contains("Öppna data i kommunerna"))
            #expect(try await app.testing().sendRequest(.GET, try fixture.path(activity)).status == .notFound)
        }
    }

    @Test("every rule names its field: days, place, public party, unconfirmed partners")
    func rules() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, association) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "forening@example.org")
            try await association.get(fixture.newPath)
            var form = ProgrammeFixture.form("foreningen")
            form["startsAt"] = "2026-03-09T10:00"
            form["endsAt"] = "2026-03-09T12:00"
            form["municipalityCode"] = ""
            let refused = try await association.post(fixture.createPath, form: form)
            #expect(refused.status == .unprocessableEntity)
            let html = refused.text
            #expect(
                html.contains(
                    "Innovationsveckan 2026 pågår 2 mars 2026 – 6 mars 2026. Aktiviteten måste äga rum de dagarna."))
            #expect(html.contains("Välj kommunen där aktiviteten äger rum."))
            #expect(html.contains("Programmet kräver minst en arrangör eller medverkande från offentlig sektor"))
            #expect(html.contains("Föreningen Data räknas inte dit"))
            #expect(html.contains(#"value="2026-03-09T10:00""#))
            #expect(html.contains("Hörslinga i salen."))

            let (_, _) = try await fixture.organisation(
                "region-vb", "Region Västerbotten", .region, email: "region@example.org")
            form = ProgrammeFixture.form("foreningen")
            form["partnerOrganisation[]"] = "region-vb"
            form["partnerRole[]"] = "participant"
            // Only the partner's yes is missing: the activity waits as a draft (it used to be
            // refused, so the partner had no page to confirm on).
            let waiting = try await association.post(fixture.createPath, form: form)
            #expect(waiting.status == .seeOther)
            #expect(try await Activity.query(on: app.db).first()?.status == .draft)
        }
    }

    @Test("a draft needs only a title; a partner confirms; then the activity can be submitted")
    func draftAndPartner() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, association) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "forening@example.org")
            let (_, region) = try await fixture.organisation(
                "region-vb", "Region Västerbotten", .region, email: "region@example.org")
            try await association.get(fixture.newPath)
            let draft = try await association.post(
                fixture.createPath,
                form: [
                    "organisation": "foreningen", "title": "Datakväll", "format": "digital", "language": "sv",
                    "signUp": "none",
                    "partnerOrganisation[]": "Region Västerbotten", "partnerRole[]": "participant", "intent": "draft",
                ])
            #expect(draft.status == .seeOther)
            let activity = try #require(try await Activity.query(on: app.db).first())
            #expect(activity.status == .draft)
            #expect(activity.startsAt == nil)

            let partnerView = try await region.get(try fixture.path(activity))
            #expect(partnerView.text.contains("Bekräfta vår medverkan"))
            #expect(try await region.post(try fixture.path(activity) + "/confirm", form: [:]).status == .seeOther)
            #expect(try await ActivityPartner.query(on: app.db).first()?.confirmedAt != nil)

            var form = ProgrammeFixture.form("foreningen", title: "Datakväll")
            form["format"] = "digital"
            form["municipalityCode"] = ""
            form["allSweden"] = "true"
            form["venue"] = ""
            form["partnerOrganisation[]"] = "region-vb"
            form["partnerRole[]"] = "participant"
            try await association.get(try fixture.path(activity) + "/edit")
            let submitted = try await association.post(try fixture.path(activity) + "/edit", form: form)
            #expect(submitted.status == .seeOther)
            let stored = try #require(try await Activity.find(activity.id, on: app.db))
            #expect(stored.status == .submitted)
            #expect(stored.allSweden)
        }
    }

    @Test(
        "submitting with a partner who has not confirmed saves a draft and notifies the partner's people; an admin answers for an organisation with nobody"
    )
    func waitingForPartners() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, association) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "forening@example.org")
            _ = try await fixture.organisation("region-vb", "Region Västerbotten", .region, email: "region@example.org")
            var form = ProgrammeFixture.form("foreningen", title: "Datakväll")
            form["partnerOrganisation[]"] = "region-vb"
            form["partnerRole[]"] = "organiser"
            try await association.get(fixture.newPath)
            let sent = try await association.post(fixture.createPath, form: form)
            #expect(sent.status == .seeOther)
            let activity = try #require(try await Activity.query(on: app.db).first())
            #expect(activity.status == .draft)
            let page = try await association.get(try #require(sent.headers.first(name: .location)))
            #expect(page.text.contains("Region Västerbotten behöver bekräfta att de är med; vi har mejlat dem."))
            let asked = try await OutgoingMail.query(on: app.db).filter(\.$kind == "notification.partner_asked").all()
            #expect(asked.map(\.toAddress) == ["region@example.org"])
            #expect(asked.first?.message.text.contains(try fixture.path(activity)) == true)

            // An organisation nobody represents yet: an admin may confirm for it.
            let lonely = Organisation()
            lonely.slug = "tyst-ab"
            lonely.name = "Tyst AB"
            lonely.sector = .business
            lonely.description = ""
            try await lonely.save(on: app.db)
            // Two rows: one by its name typed in another case, one by its address name.
            form["partnerOrganisation[]"] = nil
            form["partnerRole[]"] = nil
            let rows =
                form.map { ($0.key, $0.value) } + [
                    ("partnerOrganisation[]", "region västerbotten"), ("partnerRole[]", "organiser"),
                    ("partnerOrganisation[]", "tyst-ab"), ("partnerRole[]", "participant"),
                    ("partnerOrganisation[]", ""), ("partnerRole[]", "organiser"),
                ]
            try await association.get(try fixture.path(activity) + "/edit")
            try await association.post(
                try fixture.path(activity) + "/edit", fields: rows + [("_csrf", association.csrfToken ?? "")])
            #expect(try await ActivityPartner.query(on: app.db).count() == 2)
            #expect(
                try await ActivityPartner.query(on: app.db).with(\.$organisation).all().first {
                    $0.organisation.slug == "tyst-ab"
                }?.role == .participant)
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            #expect(try await admin.get(try fixture.path(activity)).text.contains("Bekräfta vår medverkan"))
            #expect(try await admin.post(try fixture.path(activity) + "/confirm", form: [:]).status == .seeOther)
            let partners = try await ActivityPartner.query(on: app.db).with(\.$organisation).all()
            #expect(partners.first { $0.organisation.slug == "tyst-ab" }?.confirmedAt != nil)
            #expect(partners.first { $0.organisation.slug == "region-vb" }?.confirmedAt == nil)
        }
    }

    @Test("choosing sign-up here in the activity's form turns sign-up on; the page never says both")
    func signUpHereIsOn() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            var form = ProgrammeFixture.form("umea-kommun")
            form["signUp"] = "samverka"
            let activity = try await fixture.submit(umea, form)
            let setup = try await ActivitySubject(activity: activity, programme: fixture.programme).setup(on: app.db)
            #expect(setup.mode == .samverka)
            let page = try await umea.get(try fixture.path(activity)).text
            #expect(page.contains("Anmälan här på Samverka"))
            #expect(!page.contains("inte påslagen"))

            form["signUp"] = "none"
            try await umea.get(try fixture.path(activity) + "/edit")
            try await umea.post(try fixture.path(activity) + "/edit", form: form)
            #expect(
                try await ActivitySubject(activity: activity, programme: fixture.programme).setup(on: app.db).mode
                    == .off)
        }
    }

    @Test("the submission window and the cap per organisation")
    func windowAndCap() async throws {
        let beforeOpening = Date(timeIntervalSince1970: 1_763_000_000)  // 13 November 2025
        try await withSamverka(now: beforeOpening) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, email: "umea@example.org")
            try await umea.get(fixture.newPath)
            let early = try await umea.post(fixture.createPath, form: ProgrammeFixture.form("umea-kommun"))
            #expect(early.text.contains("Inlämningen till Innovationsveckan 2026 öppnar 1 december 2025 09:00."))
        }
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app, cap: 1)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, email: "umea@example.org")
            try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Första"))
            try await umea.get(fixture.newPath)
            let second = try await umea.post(
                fixture.createPath, form: ProgrammeFixture.form("umea-kommun", title: "Andra"))
            #expect(second.status == .unprocessableEntity)
            #expect(second.text.contains("Umeå kommun har redan lämnat in 1 aktiviteter"))
        }
    }

    @Test("an organiser can never touch another organisation's activity")
    func permissions() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, email: "umea@example.org")
            let (_, lulea) = try await fixture.organisation(
                "lulea-kommun", "Luleå kommun", .municipality, email: "lulea@example.org")
            let activity = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun"))
            #expect(try await lulea.get(try fixture.path(activity) + "/edit").status == .forbidden)
            #expect(
                try await lulea.post(
                    try fixture.path(activity) + "/edit", form: ProgrammeFixture.form("lulea-kommun", title: "Kapad")
                ).status == .forbidden)
            #expect(try await lulea.get(try fixture.path(activity)).status == .notFound)
            // Submitting in another organisation's name is refused too.
            try await lulea.get(fixture.newPath)
            let forged = try await lulea.post(
                fixture.createPath, form: ProgrammeFixture.form("umea-kommun", title: "Falsk"))
            #expect(forged.status == .unprocessableEntity)
            #expect(try await Activity.query(on: app.db).count() == 1)
            #expect(try await Activity.find(activity.id, on: app.db)?.title == "Öppna data i kommunerna")
        }
    }

    @Test("a member without an organisation is told to register one first")
    func noOrganisation() async throws {
        try await withSamverka { app in
            _ = try await ProgrammeFixture.make(app)
            let browser = Browser(app)
            try await browser.signIn(as: .member)
            let page = try await browser.get("/programmes/innovationsveckan-2026/activities/new")
            #expect(page.text.contains("Registrera din organisation"))
            #expect(page.text.contains(#"href="/organisations/new""#))
        }
    }

    @Test(
        "partners are rows: a name with suggestions and a role; more rows without a script; an unknown name is said beside the rows; saving unchanged keeps them"
    )
    func partnerRows() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let (region, _) = try await fixture.organisation(
                "region-vb", "Region Västerbotten", .region, email: "region@example.org")
            region.verifiedAt = testNow
            try await region.save(on: app.db)
            let form = try await umea.get(fixture.newPath)
            #expect(form.text.contains(#"<option value="Region Västerbotten">verifierad</option>"#))
            #expect(form.text.contains(#"<option value="Umeå kommun">Umeå</option>"#))
            #expect(
                form.text.contains(#"id="field-partnerOrganisation-2""#)
                    && !form.text.contains(#"id="field-partnerOrganisation-3""#))
            #expect(form.text.contains(#"<script src="/js/rows.js" defer></script>"#))
            // Enter in a field presses the form's first button: an unseen copy of "submit", not "add rows".
            let first = try #require(
                form.text.firstMatch(
                    of: /<form [^>]*>\s*<input type="hidden" name="_csrf" value="[^"]*">(<button[^>]*>)/))
            #expect(
                first.output.1
                    == #"<button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true" name="intent" value="submit">"#
            )

            var typed = ProgrammeFixture.form("umea-kommun", title: "Datakväll")
            typed["partnerOrganisation[]"] = "Regionen som inte finns"
            typed["moreRows"] = "partners"
            let more = try await umea.post(fixture.createPath, form: typed)
            #expect(more.status == .ok && more.text.contains(#"id="field-partnerOrganisation-6""#))
            #expect(more.text.contains(#"value="Regionen som inte finns""#))
            #expect(try await Activity.query(on: app.db).count() == 0)

            typed["moreRows"] = nil
            let unknown = try await umea.post(fixture.createPath, form: typed)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.text.contains("Rad 1: ingen organisation på Samverka heter ”Regionen som inte finns”."))

            typed["partnerOrganisation[]"] = "Region Västerbotten"
            typed["partnerRole[]"] = "participant"
            typed["intent"] = "draft"
            #expect(try await umea.post(fixture.createPath, form: typed).status == .seeOther)
            let activity = try #require(try await Activity.query(on: app.db).first())
            let edit = try fixture.path(activity) + "/edit"
            #expect(try await umea.submitUnchanged(page: edit, action: edit).status == .seeOther)
            let partners = try await ActivityPartner.query(on: app.db).with(\.$organisation).all()
            #expect(partners.map(\.organisation.slug) == ["region-vb"] && partners.first?.role == .participant)
        }
    }
}
