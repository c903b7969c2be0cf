import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("The staff's dashboard says what waits for whom")
struct DashboardTests {
    @Test(
        "review queues, join requests and unverified organisations, with the way to each; mail failures for admins only"
    )
    func dashboard() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Datakväll"))
            let applicant = Browser(app)
            try await applicant.signIn(as: .member, email: "applicant@example.org")
            try await applicant.get("/organisations/umea-kommun")
            try await applicant.post("/organisations/umea-kommun/join", form: [:])
            let failed = OutgoingMail(
                kind: "test",
                message: MailMessage(to: "x@example.org", toName: "X", subject: "S", text: "T", html: "H"),
                sendAfter: testNow)
            failed.failedAt = testNow
            try await failed.save(on: app.db)

            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "mod@example.org")
            let account = try await moderator.get("/account")
            #expect(account.text.contains(#"<a href="/admin">Administration</a>"#))
            let page = try await moderator.get("/admin")
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    #"<a href="/programmes/innovationsveckan-2026/review">Innovationsveckan 2026</a>: 1 aktivitet väntar på granskning"#
                ))
            #expect(page.text.contains("1 förfrågan väntar."))
            #expect(
                page.text.contains(#"href="/organisations/umea-kommun/members">Umeå kommun</a> · från Test member"#))
            #expect(page.text.contains("1 organisation är inte verifierad"))
            #expect(!page.text.contains("kunde inte levereras"))
            // The review queue says whether the organisation is verified.
            #expect(
                try await moderator.get("/programmes/innovationsveckan-2026/review").text.contains(
                    "Umeå kommun (inte verifierad)"))

            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            #expect(
                try await admin.get("/admin").text.contains(
                    "1 meddelande kunde inte levereras. 0 väntar på ett nytt försök."))
            #expect(try await umea.get("/admin").status == .forbidden)
        }
    }
}
