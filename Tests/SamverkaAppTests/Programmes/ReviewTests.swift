import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Reviewing activities")
struct ReviewTests {
    @Test("approve, ask for changes with a message, resubmit, reject; each step logged")
    func transitions() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .moderator, email: "moderator@example.org")
            let first = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Första"))
            let second = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Andra"))

            let queue = try await reviewer.get("/programmes/innovationsveckan-2026/review")
            #expect(queue.status == .ok)
            #expect(queue.text.contains("2 aktiviteter"))
            #expect(queue.text.contains("Västerbottens län"))

            let decide = try fixture.path(first) + "/review"
            #expect(try await reviewer.post(decide, form: ["decision": "changes", "message": ""]).status == .seeOther)
            #expect(try await Activity.find(first.id, on: app.db)?.status == .submitted)
            try await reviewer.post(
                decide, form: ["decision": "changes", "message": "Lägg till en adress för anmälan."])
            #expect(try await Activity.find(first.id, on: app.db)?.status == .changesRequested)
            let own = try await umea.get(try fixture.path(first))
            #expect(own.text.contains("Lägg till en adress för anmälan."))
            #expect(try await umea.get("/account/activities").text.contains("Behöver ändras"))

            try await umea.get(try fixture.path(first) + "/edit")
            #expect(
                try await umea.post(
                    try fixture.path(first) + "/edit", form: ProgrammeFixture.form("umea-kommun", title: "Första")
                ).status == .seeOther)
            #expect(try await Activity.find(first.id, on: app.db)?.status == .submitted)
            try await reviewer.get("/programmes/innovationsveckan-2026/review")
            try await reviewer.post(decide, form: ["decision": "approve", "message": ""])
            #expect(try await Activity.find(first.id, on: app.db)?.status == .approved)

            try await reviewer.post(
                try fixture.path(second) + "/review",
                form: ["decision": "reject", "message": "Ligger utanför programmets tema."])
            #expect(try await Activity.find(second.id, on: app.db)?.status == .rejected)

            let log = try await ActivityLogEntry.query(on: app.db).filter(\.$activity.$id == first.requireID()).sort(
                \.$createdAt
            ).all()
            #expect(log.map(\.kind) == [.submitted, .changesRequested, .submitted, .approved])
        }
    }

    @Test("the queue narrows to activities that have waited more than the chosen number of days")
    func waitingTimeFilter() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .moderator, email: "moderator@example.org")
            let old = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Länge väntat"))
            _ = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Nyss inskickat"))
            let waiting = try #require(try await Activity.find(old.id, on: app.db))
            waiting.submittedAt = app.clock.now().addingTimeInterval(-10 * 86_400)
            try await waiting.save(on: app.db)

            let week = try await reviewer.get("/programmes/innovationsveckan-2026/review?waited=7")
            #expect(week.text.contains("Länge väntat"))
            #expect(week.text.contains("väntat 10 dagar"))
            #expect(!week.text.contains("Nyss inskickat"))
            #expect(week.text.contains("<option value=\"7\" selected>mer än 7 dagar</option>"))
            let fortnight = try await reviewer.get("/programmes/innovationsveckan-2026/review?waited=14")
            #expect(!fortnight.text.contains("Länge väntat"))
            let any = try await reviewer.get("/programmes/innovationsveckan-2026/review?waited=nonsense")
            #expect(any.text.contains("Länge väntat") && any.text.contains("Nyss inskickat"))
        }
    }

    @Test("a moderator who represents the activity's organisation cannot decide on it; another moderator can")
    func ownOrganisation() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (umeaKommun, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let activity = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Egen aktivitet"))
            let colleague = Browser(app)
            try await colleague.signIn(as: .moderator, email: "kollega@example.org")
            try await app.addMember("kollega@example.org", to: umeaKommun, as: .editor)
            try await colleague.get("/programmes/innovationsveckan-2026/review")
            let refused = try await colleague.post(
                try fixture.path(activity) + "/review", form: ["decision": "approve", "message": ""])
            #expect(refused.status == .seeOther)
            #expect(
                try await colleague.get("/programmes/innovationsveckan-2026/review").text.contains(
                    "en annan moderator behöver fatta beslutet"))
            #expect(try await Activity.find(activity.id, on: app.db)?.status == .submitted)

            let other = Browser(app)
            try await other.signIn(as: .moderator, email: "annan@example.org")
            try await fixture.approve(activity, by: other)
            #expect(try await Activity.find(activity.id, on: app.db)?.status == .approved)
        }
    }

    @Test("members and organisers cannot review")
    func permissions() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let activity = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun"))
            #expect(try await umea.get("/programmes/innovationsveckan-2026/review").status == .forbidden)
            #expect(
                try await umea.post(try fixture.path(activity) + "/review", form: ["decision": "approve"]).status
                    == .forbidden)
            #expect(try await Activity.find(activity.id, on: app.db)?.status == .submitted)
        }
    }

    @Test("a changed title after approval goes back to review while the approved version stays public")
    func changeAfterApproval() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (activity, umea, reviewer) = try await fixture.approvedActivity(
                ProgrammeFixture.form("umea-kommun", title: "Gamla titeln"))

            var changed = ProgrammeFixture.form("umea-kommun", title: "Nya titeln")
            changed["summary"] = "En ny sammanfattning."
            try await umea.get(try fixture.path(activity) + "/edit")
            #expect(try await umea.post(try fixture.path(activity) + "/edit", form: changed).status == .seeOther)
            let pending = try #require(try await Activity.find(activity.id, on: app.db))
            #expect(pending.status == .approved)
            #expect(pending.title == "Gamla titeln")
            #expect(pending.pendingChanges?.title == "Nya titeln")
            #expect(pending.summary == "En ny sammanfattning.")
            let publicPage = try await app.testing().sendRequest(.GET, try fixture.path(activity))
            #expect(publicPage.text.contains("Gamla titeln"))
            #expect(!publicPage.text.contains("Nya titeln"))

            let queue = try await reviewer.get("/programmes/innovationsveckan-2026/review")
            #expect(queue.text.contains("Nya titeln"))
            try await reviewer.post(try fixture.path(activity) + "/review", form: ["decision": "approve"])
            let accepted = try #require(try await Activity.find(activity.id, on: app.db))
            #expect(accepted.title == "Nya titeln")
            #expect(accepted.pendingChanges == nil)
        }
    }

    @Test("a new description or sign-up link after approval waits for review; the approved ones stay public")
    func descriptionAfterApproval() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (activity, umea, reviewer) = try await fixture.approvedActivity()

            var changed = ProgrammeFixture.form("umea-kommun")
            changed["description"] = "Köp billiga klockor på https://spam.example.org"
            changed["signUp"] = "external"
            changed["signUpURL"] = "https://spam.example.org/anmalan"
            try await umea.get(try fixture.path(activity) + "/edit")
            #expect(try await umea.post(try fixture.path(activity) + "/edit", form: changed).status == .seeOther)
            let publicPage = try await app.testing().sendRequest(.GET, try fixture.path(activity)).text
            #expect(publicPage.contains("Vi visar <strong>exempel</strong>."))
            #expect(!publicPage.contains("spam.example.org"))
            // The organiser goes on from what they sent.
            #expect(try await umea.get(try fixture.path(activity) + "/edit").text.contains("spam.example.org/anmalan"))

            try await fixture.approve(activity, by: reviewer)
            #expect(
                try await app.testing().sendRequest(.GET, try fixture.path(activity)).text.contains(
                    "spam.example.org/anmalan"))
        }
    }

    @Test(
        "an emptied sign-up link is gone once the change is approved: from the page, the sign-up panel and the registration settings"
    )
    func emptiedSignUpLink() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            var form = ProgrammeFixture.form("umea-kommun")
            form["signUp"] = "external"
            form["signUpURL"] = "https://anmalan.example.org/gammal"
            let (activity, umea, reviewer) = try await fixture.approvedActivity(form)

            form["signUp"] = "none"
            form["signUpURL"] = ""
            try await umea.get(try fixture.path(activity) + "/edit")
            #expect(try await umea.post(try fixture.path(activity) + "/edit", form: form).status == .seeOther)
            try await fixture.approve(activity, by: reviewer)

            #expect(!(try await umea.get(try fixture.path(activity)).text.contains("anmalan.example.org")))
            let settings = try await umea.get(try fixture.path(activity) + "/registration")
            #expect(!settings.text.contains("anmalan.example.org"))
            // Saving the settings as they are brings nothing back.
            let unchanged = try FormReader.fields(
                of: settings.text, action: try fixture.path(activity) + "/registration")
            try await umea.post(try fixture.path(activity) + "/registration", fields: unchanged)
            #expect(
                !(try await app.testing().sendRequest(.GET, try fixture.path(activity)).text.contains(
                    "anmalan.example.org")))
        }
    }

    @Test(
        "the way to sign up to an approved activity changes only through its reviewed form, not its registration settings"
    )
    func signUpChangeNeedsReview() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (activity, umea, _) = try await fixture.approvedActivity()

            try await umea.get(try fixture.path(activity) + "/registration")
            let refused = try await umea.post(
                try fixture.path(activity) + "/registration",
                form: ["mode": "external", "externalURL": "https://spam.example.org/anmalan"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("granskas"))
            #expect(
                !(try await app.testing().sendRequest(.GET, try fixture.path(activity)).text.contains(
                    "spam.example.org")))
        }
    }
}
