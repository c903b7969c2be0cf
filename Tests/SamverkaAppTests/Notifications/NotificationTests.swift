import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Members are told what happens to their work")
struct NotificationTests {
    /// The bell's accessible name in the header, which says how many are unread.
    static func bell(_ page: TestingHTTPResponse) -> String? {
        page.text.firstMatch(of: /class="bell" href="\/notifications" aria-label="([^"]*)"/).map { String($0.output.1) }
    }

    @Test(
        "a review decision reaches every person of the organisation: the bell, the list with the reviewer's message, and mail in each one's language"
    )
    func reviewDecision() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app, requiresPublicParty: false)
            let (organisation, owner) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "owner@example.org")
            // A second person of the organisation, who reads English and wants no mail.
            let colleague = Browser(app)
            try await colleague.signIn(as: .member, email: "colleague@example.org")
            let colleagueMember = try #require(try await Member.find(email: "colleague@example.org", on: app.db))
            colleagueMember.language = "en"
            try await colleagueMember.save(on: app.db)
            try await OrganisationMembership(
                organisationID: try organisation.requireID(), memberID: try colleagueMember.requireID(), role: .editor,
                status: .active
            )
            .save(on: app.db)
            try await colleague.get("/account/profile")
            #expect(
                try await colleague.post("/account/profile", form: ["name": "Colleague", "language": "en"]).status
                    == .seeOther)

            let activity = try await fixture.submit(owner, ProgrammeFixture.form("foreningen", title: "Datakväll"))
            // The colleague hears of the submission; the one who submitted does not.
            #expect(try await MemberNotification.query(on: app.db).filter(\.$kind == .activitySubmitted).count() == 1)
            #expect(Self.bell(try await owner.get("/account")) == "Notifieringar, 0 olästa")

            let reviewer = Browser(app)
            try await reviewer.signIn(as: .moderator, email: "reviewer@example.org")
            try await reviewer.get("/programmes/innovationsveckan-2026/review")
            let said = "Lägg till en adress för den digitala delen."
            #expect(
                try await reviewer.post(
                    try fixture.path(activity) + "/review", form: ["decision": "changes", "message": said]
                ).status == .seeOther)

            let page = try await owner.get("/account")
            #expect(Self.bell(page) == "Notifieringar, 1 oläst")
            #expect(page.text.contains(#"<span class="bell-count">1</span>"#))
            let list = try await owner.get("/notifications")
            #expect(list.text.contains("Granskarna ber om ändringar i Datakväll innan den kan godkännas."))
            #expect(list.text.contains(said))

            let mail = try await OutgoingMail.query(on: app.db).filter(
                \.$kind == "notification.activity_changes_requested"
            ).all()
            #expect(mail.map(\.toAddress) == ["owner@example.org"])
            let text = try #require(mail.first?.message.text)
            #expect(
                try text.contains("Hej Test member!") && text.contains(said)
                    && text.contains(fixture.path(activity) + "?lang=sv"))
            #expect(mail.first?.subject == "Ändringar behövs i Datakväll")

            let english = try await colleague.get("/notifications")
            #expect(english.text.contains("The reviewers ask for changes to Datakväll before it can be approved."))
            #expect(
                try await MemberNotification.query(on: app.db).filter(\.$member.$id == colleagueMember.requireID())
                    .count() == 2)
        }
    }

    @Test(
        "opening a notification marks it read and leads to its page; someone else's is not found; all can be marked read"
    )
    func openingAndReading() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, association) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "forening@example.org")
            let (_, region) = try await fixture.organisation(
                "region-vb", "Region Västerbotten", .region, email: "region@example.org")
            var form = ProgrammeFixture.form("foreningen", title: "Datakväll")
            form["partnerOrganisation[]"] = "region-vb"
            form["partnerRole[]"] = "organiser"
            try await association.get(fixture.newPath)
            #expect(try await association.post(fixture.createPath, form: form).status == .seeOther)
            let activity = try #require(try await Activity.query(on: app.db).first())

            let notice = try #require(
                try await MemberNotification.query(on: app.db).filter(\.$kind == .partnerAsked).first())
            let list = try await region.get("/notifications")
            #expect(
                list.text.contains(
                    "Föreningen Data har angett Region Västerbotten som medarrangör eller deltagare i Datakväll"))
            let href = "/notifications/" + (try notice.requireID().uuidString)
            #expect(try await association.get(href).status == .notFound)
            let opened = try await region.get(href)
            #expect(opened.headers.first(name: .location) == (try fixture.path(activity)))
            #expect(Self.bell(try await region.get("/account")) == "Notifieringar, 0 olästa")
            #expect(try await region.get("/notifications/not-a-number").status == .notFound)

            // The region confirms: the association is told.
            try await region.get(try fixture.path(activity))
            #expect(try await region.post(try fixture.path(activity) + "/confirm", form: [:]).status == .seeOther)
            #expect(Self.bell(try await association.get("/account")) == "Notifieringar, 1 oläst")
            #expect(
                try await association.get("/notifications").text.contains(
                    "Region Västerbotten har bekräftat att de är med i Datakväll."))
            #expect(try await association.post("/notifications/read", form: [:]).status == .seeOther)
            #expect(Self.bell(try await association.get("/account")) == "Notifieringar, 0 olästa")
        }
    }

    @Test(
        "a join request reaches the owners, the answer reaches the one who asked, and a verification the organisation's people"
    )
    func joiningAndVerification() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (organisation, owner) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "owner@example.org")
            let applicant = Browser(app)
            try await applicant.signIn(as: .member, email: "applicant@example.org")
            try await applicant.get("/organisations/foreningen")
            #expect(try await applicant.post("/organisations/foreningen/join", form: [:]).status == .seeOther)
            #expect(
                try await owner.get("/notifications").text.contains(
                    "Test member vill företräda Föreningen Data på Samverka."))
            #expect(
                try await OutgoingMail.query(on: app.db).filter(\.$kind == "notification.join_requested").first()?
                    .toAddress == "owner@example.org")

            let membership = try #require(
                try await OrganisationMembership.query(on: app.db).filter(\.$status == .requested).first())
            try await owner.get("/organisations/foreningen/members")
            #expect(
                try await owner.post(
                    "/organisations/foreningen/members/" + membership.requireID().uuidString,
                    form: ["action": "approve"]
                ).status == .seeOther)
            #expect(
                try await applicant.get("/notifications").text.contains("Du företräder nu Föreningen Data på Samverka.")
            )

            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            try await admin.get("/organisations/foreningen")
            #expect(
                try await admin.post("/organisations/foreningen/verify", form: ["verified": "true"]).status == .seeOther
            )
            #expect(
                try await MemberNotification.query(on: app.db).filter(\.$kind == .organisationVerified).count() == 2)
            #expect(try await organisation.$memberships.query(on: app.db).count() == 2)
        }
    }

    @Test("organisers who ask for it hear of each sign-up; others are not bothered; a member without mail gets none")
    func signUps() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app, requiresPublicParty: false)
            let (_, owner) = try await fixture.organisation(
                "foreningen", "Föreningen Data", .civilSociety, email: "owner@example.org")
            var form = ProgrammeFixture.form("foreningen", title: "Datakväll")
            form["signUp"] = "samverka"
            let activity = try await fixture.submit(owner, form)
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .moderator, email: "reviewer@example.org")
            try await fixture.approve(activity, by: reviewer)

            try await owner.get("/account/profile")
            let chosen = try await owner.post(
                "/account/profile",
                form: ["name": "Organisatören", "language": "sv", "notifyByMail": "", "notifySignUps": "true"])
            #expect(chosen.status == .seeOther)
            let before = try await OutgoingMail.query(on: app.db).count()

            let visitor = Browser(app)
            try await visitor.signIn(as: .member, email: "visitor@example.org")
            let register = try fixture.path(activity) + "/register"
            try await visitor.get(register)
            #expect(try await visitor.post(register, form: [:]).status == .seeOther)
            let told = try await MemberNotification.query(on: app.db).filter(\.$kind == .signUpReceived).all()
            #expect(told.count == 1)
            #expect(try await owner.get("/notifications").text.contains("Test member har anmält sig till Datakväll."))
            // The visitor's own confirmation is mailed; the organiser chose no mail.
            #expect(try await OutgoingMail.query(on: app.db).count() == before + 1)
        }
    }

    @Test("the profile keeps what is valid and says what is not, in the member's language")
    func profile() async throws {
        try await withSamverka { app in
            let member = Browser(app)
            try await member.signIn(as: .member, email: "member@example.org")
            try await member.get("/account/profile")
            let refused = try await member.post(
                "/account/profile", form: ["name": " ", "language": "de", "notifyByMail": "true"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Fyll i det här fältet.") || refused.text.contains("error-message"))
            let saved = try await member.post(
                "/account/profile", form: ["name": "Kim Andersson", "language": "en", "notifyByMail": "true"])
            #expect(saved.headers.first(name: .location) == "/account?lang=en")
            let account = try await member.get("/account?lang=en")
            #expect(account.text.contains("Your profile is saved."))
            let stored = try #require(try await Member.find(email: "member@example.org", on: app.db))
            #expect(
                stored.name == "Kim Andersson" && stored.language == "en" && stored.notifyByMail
                    && !stored.notifySignUps)
        }
    }
}
