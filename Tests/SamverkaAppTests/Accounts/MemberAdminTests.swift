import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("The admins' page of members")
struct MemberAdminTests {
    @Test("an admin finds a member, changes the role, suspends with a reason and reinstates; each step is logged")
    func manage() async throws {
        try await withSamverka { app in
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            let person = Browser(app)
            try await person.signIn(as: .member, email: "pelle@example.org")
            let member = try #require(try await Member.find(email: "pelle@example.org", on: app.db))
            let path = "/admin/members/\(try member.requireID())"

            let list = try await admin.get("/admin/members?q=PELLE")
            #expect(list.text.contains("1 medlem"))
            #expect(list.text.contains(path))
            #expect(!list.text.contains("admin@example.org"))
            // From the header's Administration to the dashboard, and on to the members.
            #expect(try await admin.get("/").text.contains(#"href="/admin""#))
            #expect(try await admin.get("/admin").text.contains(#"href="/admin/members""#))

            try await admin.get(path)
            #expect(try await admin.post(path + "/role", form: ["role": "moderator"]).status == .seeOther)
            #expect(try await Member.find(email: "pelle@example.org", on: app.db)?.role == .moderator)

            let noReason = try await admin.post(path + "/suspension", form: ["reason": ""])
            #expect(noReason.status == .unprocessableEntity)
            try await admin.post(path + "/suspension", form: ["reason": "Skickade reklam till deltagarna."])
            #expect(try await person.get("/account").status == .seeOther)
            let again = Browser(app)
            try await again.get("/sign-in")
            let refused = try await again.post(
                "/sign-in", form: ["email": "pelle@example.org", "password": "correct horse battery"])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("Kontot är avstängt: Skickade reklam till deltagarna."))

            try await admin.get(path)
            try await admin.post(path + "/suspension", form: [:])
            #expect(
                try await again.post(
                    "/sign-in", form: ["email": "pelle@example.org", "password": "correct horse battery"]
                ).status == .seeOther)

            let log = try await admin.get("/admin/members").text
            #expect(log.contains("gav Test member rollen Moderator."))
            #expect(log.contains("stängde av Test member: Skickade reklam till deltagarna."))
            #expect(log.contains("släppte in Test member igen."))
        }
    }

    @Test("the only admin cannot be demoted, an admin cannot suspend themselves, and nobody else reaches the page")
    func guards() async throws {
        try await withSamverka { app in
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            let me = try #require(try await Member.find(email: "admin@example.org", on: app.db))
            let path = "/admin/members/\(try me.requireID())"
            try await admin.get(path)
            let demoted = try await admin.post(path + "/role", form: ["role": "member"])
            #expect(demoted.status == .unprocessableEntity)
            #expect(demoted.text.contains("den enda administratören"))
            let suspended = try await admin.post(path + "/suspension", form: ["reason": "Test"])
            #expect(suspended.status == .unprocessableEntity)
            #expect(try await Member.find(email: "admin@example.org", on: app.db)?.suspendedAt == nil)

            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "mod@example.org")
            #expect(try await moderator.get("/admin/members").status == .forbidden)
            #expect(try await moderator.post(path + "/role", form: ["role": "member"]).status == .forbidden)
            #expect(
                try await app.testing().sendRequest(.GET, "/admin/members/not-an-id").status != .internalServerError)
        }
    }
}
