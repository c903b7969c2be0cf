import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SamverkaApp

@Suite("My account: my data and deleting the account")
struct MyAccountTests {
    @Test("a member downloads everything held about them as JSON; nobody else's")
    func dataExport() async throws {
        try await withSamverka { app in
            let question = RegistrationQuestion(key: "diet", kind: .shortText, label: "Matönskemål", required: false, choices: [])
            let fixture = try await RegistrationFixture.make(app, capacity: 5, questions: [question])
            let (anna, _) = try await fixture.signUp("anna@example.org", form: ["q_diet": "Vegan"])
            _ = try await fixture.signUp("bo@example.org", form: ["q_diet": "Allt"])

            let page = try await anna.get("/account")
            #expect(page.status == .ok)
            #expect(page.text.contains("Ditt konto") && page.text.contains("anna@example.org"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")

            let download = try await anna.get("/account/data.json")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.contains("attachment; filename=\"samverka-2026-01-01.json\"") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.text.utf8)) as? [String: Any])
            let member = try #require(json["member"] as? [String: Any])
            #expect(member["email"] as? String == "anna@example.org")
            let registrations = try #require(json["registrations"] as? [[String: Any]])
            #expect(registrations.count == 1)
            #expect(registrations.first?["title"] as? String == "Workshop om öppna data")
            #expect(registrations.first?["status"] as? String == "confirmed")
            let answers = try #require(registrations.first?["answers"] as? [[String: Any]])
            #expect(answers.first?["question"] as? String == "Matönskemål")
            #expect(answers.first?["answer"] as? [String] == ["Vegan"])
            let mail = try #require(json["mail"] as? [[String: Any]])
            #expect(mail.count == 1)
            // Mail to the same address that is not the member's (a guest gave it once) is not theirs.
            let stranger = MailMessage(to: "anna@example.org", toName: "Någon", subject: "Till en gäst", text: "Hemligt", html: "")
            try await OutgoingMail(kind: "registration.confirm_address", message: stranger, sendAfter: testNow).save(on: app.db)
            #expect(!(try await anna.get("/account/data.json").text.contains("Till en gäst")))
            #expect(!download.text.contains("bo@example.org") && !download.text.contains("Allt"))
            #expect(!download.text.contains("password"))

            #expect(try await app.testing().sendRequest(.GET, "/account/data.json").status == .seeOther)
        }
    }

    @Test("deleting the account needs the password, cancels sign-ups, gives the seat to the next in line and forgets the person")
    func deletion() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1)
            let (anna, _) = try await fixture.signUp("anna@example.org")
            _ = try await fixture.signUp("bo@example.org")
            #expect(try await fixture.registrations().map(\.status) == [.confirmed, .waiting])

            try await anna.get("/account")
            let wrong = try await anna.post("/account/delete", form: ["password": "not my password"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Lösenordet stämmer inte."))
            #expect(try await Member.find(email: "anna@example.org", on: app.db) != nil)

            let deleted = try await anna.post("/account/delete", form: ["password": "correct horse battery"])
            #expect(deleted.status == .ok)
            #expect(deleted.text.contains("Kontot är raderat"))
            #expect(try await Member.find(email: "anna@example.org", on: app.db) == nil)
            let rows = try await fixture.registrations()
            #expect(rows.map(\.status) == [.cancelled, .confirmed])
            #expect(rows[0].$member.id == nil && rows[0].answers.isEmpty)
            #expect(try await fixture.mail("promoted").first?.toAddress == "bo@example.org")
            #expect(try await OutgoingMail.query(on: app.db).filter(\.$toAddress == "anna@example.org").count() == 0)
            // Signed out, and the old session no longer opens the account.
            #expect(try await anna.get("/account").status == .seeOther)
            try await anna.get("/sign-in")
            let signIn = try await anna.post("/sign-in", form: ["email": "anna@example.org", "password": "correct horse battery"])
            #expect(signIn.status == .unauthorized)
        }
    }

    @Test("the only administrator cannot delete their account")
    func lastAdmin() async throws {
        try await withSamverka { app in
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            try await admin.get("/account")
            let refused = try await admin.post("/account/delete", form: ["password": "correct horse battery"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Du är den enda administratören"))
            #expect(try await Member.find(email: "admin@example.org", on: app.db) != nil)
        }
    }
}
