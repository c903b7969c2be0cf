import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

@Suite("Two-step sign-in")
struct TwoFactorTests {
    @Test("codes follow RFC 6238's test vectors (SHA-1), and base32 goes both ways")
    func vectors() throws {
        let secret = Array("12345678901234567890".utf8)
        #expect(TOTP.code(secret: secret, step: TOTP.timeStep(Date(timeIntervalSince1970: 59))) == "287082")
        #expect(TOTP.code(secret: secret, step: TOTP.timeStep(Date(timeIntervalSince1970: 1_111_111_109))) == "081804")
        #expect(TOTP.code(secret: secret, step: TOTP.timeStep(Date(timeIntervalSince1970: 1_234_567_890))) == "005924")
        let encoded = Base32.encode(secret)
        #expect(encoded == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode(encoded) == secret)
        #expect(Base32.decode("not base32!") == nil)
    }

    /// The code the member's app would show now.
    static func currentCode(_ secret: String, at date: Date = testNow) throws -> String {
        TOTP.code(secret: try #require(Base32.decode(secret)), step: TOTP.timeStep(date))
    }

    @Test(
        "an admin turns it on with a code from the app, then signs in with password and code; a code works once; a recovery code stands in for a lost phone"
    )
    func journey() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin, email: "admin@example.org")
            let setup = try await browser.get("/account/two-factor")
            #expect(setup.text.contains("otpauth://totp/"))
            let pending = try #require(
                try await SessionRecord.query(on: app.db).all().compactMap {
                    $0.data[TwoFactorController.pendingSecretKey]
                }.first)
            #expect(
                try await browser.post("/account/two-factor", form: ["code": "000000"]).status == .unprocessableEntity)
            let enabled = try await browser.post("/account/two-factor", form: ["code": try Self.currentCode(pending)])
            #expect(enabled.status == .ok)
            let codes = enabled.text.matches(of: /<code>([a-z0-9]{5}-[a-z0-9]{5})<\/code>/).map { String($0.1) }
            #expect(codes.count == 10)
            let member = try #require(try await Member.find(email: "admin@example.org", on: app.db))
            #expect(member.totpEnabledAt != nil)
            #expect(!member.recoveryCodeHashes.contains(codes[0]))

            // Signing in now takes the code after the password.
            app.clock = AppClock(now: { testNow.addingTimeInterval(90) })
            let other = Browser(app)
            try await other.get("/sign-in")
            let first = try await other.post(
                "/sign-in", form: ["email": "admin@example.org", "password": "correct horse battery"])
            #expect(first.headers.first(name: .location) == "/sign-in/code")
            #expect(try await other.get("/account").status == .seeOther)
            try await other.get("/sign-in/code")
            #expect(try await other.post("/sign-in/code", form: ["code": "123456"]).status == .unauthorized)
            let code = try Self.currentCode(member.totpSecret, at: testNow.addingTimeInterval(90))
            #expect(try await other.post("/sign-in/code", form: ["code": code]).status == .seeOther)
            #expect(try await other.get("/account").status == .ok)

            // The same code cannot sign anyone in again.
            let replay = Browser(app)
            try await replay.get("/sign-in")
            try await replay.post(
                "/sign-in", form: ["email": "admin@example.org", "password": "correct horse battery"])
            try await replay.get("/sign-in/code")
            #expect(try await replay.post("/sign-in/code", form: ["code": code]).status == .unauthorized)
            #expect(try await replay.post("/sign-in/code", form: ["code": codes[3].uppercased()]).status == .seeOther)
            #expect(try await replay.get("/account").status == .ok)
            #expect(
                try await Member.find(email: "admin@example.org", on: app.db)?.recoveryCodeHashes.split(separator: " ")
                    .count == 9)
        }
    }

    @Test("where staff must use it, a moderator without it can only set it up")
    func required() async throws {
        try await withSamverka { app in
            var settings = app.settings
            settings.twoFactorRoles = ["admin", "moderator"]
            app.settings = settings
            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "mod@example.org")
            let events = try await moderator.get("/events/new")
            #expect(events.headers.first(name: .location) == "/account/two-factor")
            #expect(try await moderator.get("/account/two-factor").status == .ok)
            let member = Browser(app)
            try await member.signIn(as: .member, email: "member@example.org")
            #expect(try await member.get("/account").status == .ok)
        }
    }

    @Test("an admin requires two factors for staff on the members page; and the change is logged")
    func requiredByAdmin() async throws {
        try await withSamverka { app in
            let admin = Browser(app)
            try await admin.signIn(as: .admin)
            let page = try await admin.get("/admin/members")
            #expect(page.text.contains(#"name="twoFactor""#))
            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "mod@example.org")
            #expect(try await moderator.get("/events/new").status == .ok)

            #expect(
                try await admin.post("/admin/members/two-factor", form: ["twoFactor": "moderators"]).status
                    == .unprocessableEntity)
            #expect(try await admin.post("/admin/members/two-factor", form: ["twoFactor": "staff"]).status == .seeOther)
            #expect(try await moderator.get("/events/new").headers.first(name: .location) == "/account/two-factor")
            // The admin who turned it on must set it up too before anything else.
            #expect(try await admin.get("/admin/members").headers.first(name: .location) == "/account/two-factor")

            let member = Browser(app)
            try await member.signIn(as: .member, email: "member@example.org")
            #expect(try await member.get("/account").status == .ok)
            #expect(try await NetworkSetting.value(of: .twoFactorRequired, on: app.db) == "staff")
            #expect(try await MemberAdminLog.query(on: app.db).filter(\.$action == .twoFactorRequired).count() == 1)
        }
    }
}
