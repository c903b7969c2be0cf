import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Organisers manage their activities from its page")
struct ActivityStepsTests {
    @Test(
        "a draft is submitted from its page; one with something missing opens its form with the message beside the field"
    )
    func submitFromPage() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            var form = ProgrammeFixture.form("umea-kommun", title: "Datakväll", intent: "draft")
            form["summary"] = ""
            let draft = try await fixture.submit(umea, form)
            let path = try fixture.path(draft)
            let page = try await umea.get(path)
            #expect(page.text.contains(#"action="\#(path)/submit""#))
            let incomplete = try await umea.post(path + "/submit", form: [:])
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.text.contains(#"id="error-summary""#))

            form["summary"] = "En kväll om data."
            try await umea.get(path + "/edit")
            try await umea.post(path + "/edit", form: form)
            #expect(try await umea.post(path + "/submit", form: [:]).status == .seeOther)
            #expect(try await Activity.find(draft.id, on: app.db)?.status == .submitted)
            // A stranger cannot.
            let stranger = Browser(app)
            try await stranger.signIn(as: .member, email: "stranger@example.org")
            try await stranger.get("/programmes")
            #expect(try await stranger.post(path + "/withdraw", form: [:]).status == .forbidden)
        }
    }

    @Test("a submission is withdrawn before it is decided, and is a draft again, out of the review queue")
    func withdraw() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let activity = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Datakväll"))
            let path = try fixture.path(activity)
            #expect(try await umea.get(path).text.contains(#"action="\#(path)/withdraw""#))
            #expect(try await umea.post(path + "/withdraw", form: [:]).status == .seeOther)
            #expect(try await Activity.find(activity.id, on: app.db)?.status == .draft)
            let shown = try await umea.get(path)
            #expect(shown.text.contains("är tillbakadragen och är ett utkast igen"))
            #expect(shown.text.contains("drog tillbaka inlämningen"))
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .moderator, email: "reviewer@example.org")
            #expect(!(try await reviewer.get("/programmes/innovationsveckan-2026/review").text.contains("Datakväll")))
        }
    }

    @Test("a draft is deleted after a question; an approved activity cannot be")
    func delete() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let draft = try await fixture.submit(
                umea, ProgrammeFixture.form("umea-kommun", title: "Utkastet", intent: "draft"))
            let path = try fixture.path(draft)
            let question = try await umea.get(path + "/delete")
            #expect(question.text.contains("Vill du ta bort ”Utkastet”?"))
            #expect(
                try await umea.post(path + "/delete", form: [:]).headers.first(name: .location) == "/account/activities"
            )
            #expect(try await Activity.find(draft.id, on: app.db) == nil)
            #expect(try await umea.get(path).status == .notFound)

            let approved = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Godkänd"))
            let reviewer = Browser(app)
            try await reviewer.signIn(as: .admin, email: "admin@example.org")
            try await fixture.approve(approved, by: reviewer)
            #expect(!(try await umea.get(try fixture.path(approved)).text.contains("/delete")))
            try await umea.post(try fixture.path(approved) + "/delete", form: [:])
            #expect(try await Activity.find(approved.id, on: app.db) != nil)
        }
    }
}
