import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

@Suite("Proving who one is: passwords, addresses, sessions")
struct IdentityTests {
    @Test("a forgotten password: the same answer for any address, a single-use link, every other session ended")
    func forgottenPassword() async throws {
        try await withSamverka { app in
            let elsewhere = Browser(app)
            try await elsewhere.signIn(as: .member, email: "erik@example.org")
            let browser = Browser(app)
            try await browser.get("/password/forgot?lang=en")
            let unknown = try await browser.post("/password/forgot", form: ["email": "nobody@example.org"])
            let known = try await browser.post("/password/forgot", form: ["email": "Erik@Example.org"])
            #expect(unknown.headers.first(name: .location) == "/password/forgot/sent")
            #expect(known.headers.first(name: .location) == "/password/forgot/sent")
            #expect(try await browser.get("/password/forgot/sent").text.contains("Check your email"))
            #expect(try await OutgoingMail.query(on: app.db).filter(\.$toAddress == "nobody@example.org").count() == 0)

            let link = try await MailedLink.latest(to: "erik@example.org", kind: "account.reset_password", on: app.db)
            let path = link.components(separatedBy: "?")[0]
            // The link opens in the account's language, whatever the browser had.
            #expect(try await browser.get(link).text.contains("Välj ett nytt lösenord"))
            let mismatch = try await browser.post(
                path, form: ["password": "ett nytt lösenord", "passwordConfirmation": "ett annat"])
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.text.contains("Lösenorden är inte lika."))
            let reset = try await browser.post(
                path, form: ["password": "ett nytt lösenord", "passwordConfirmation": "ett nytt lösenord"])
            #expect(reset.headers.first(name: .location) == "/account")
            #expect(try await browser.get("/account").status == .ok)
            // The session that was signed in before the reset is over.
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await browser.get(link).status == .notFound)
            #expect(try await OutgoingMail.query(on: app.db).filter(\.$kind == "account.password_changed").count() == 1)

            let again = Browser(app)
            try await again.get("/sign-in")
            #expect(
                try await again.post(
                    "/sign-in", form: ["email": "erik@example.org", "password": "correct horse battery"]
                ).status == .unauthorized)
            #expect(
                try await again.post("/sign-in", form: ["email": "erik@example.org", "password": "ett nytt lösenord"])
                    .status == .seeOther)
        }
    }

    @Test("a reset link lasts an hour; a made-up or garbled one is simply not valid")
    func resetLinkExpires() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .member, email: "frida@example.org")
            let member = try #require(try await Member.find(email: "frida@example.org", on: app.db))
            let (token, secret) = try AccountToken.issue(.resetPassword, for: member, now: testNow)
            try await token.save(on: app.db)
            #expect(
                try await AccountToken.valid(
                    secret, for: .resetPassword, now: testNow.addingTimeInterval(3_500), on: app.db) != nil)
            #expect(
                try await AccountToken.valid(
                    secret, for: .resetPassword, now: testNow.addingTimeInterval(3_700), on: app.db) == nil)
            #expect(try await AccountToken.valid(secret, for: .confirmEmail, now: testNow, on: app.db) == nil)
            #expect(token.tokenHash != secret)
            for garbled in ["x", String(repeating: "a", count: 43), String(repeating: "%", count: 5_000)] {
                let page = try await app.testing().sendRequest(.GET, "/password/reset/\(garbled)")
                #expect(page.status == .notFound)
            }
        }
    }

    @Test("changing the password asks for the current one and ends the other sessions, not this one")
    func changePassword() async throws {
        try await withSamverka { app in
            let elsewhere = Browser(app)
            try await elsewhere.signIn(as: .member, email: "gustav@example.org")
            let browser = Browser(app)
            try await browser.get("/sign-in")
            try await browser.post(
                "/sign-in", form: ["email": "gustav@example.org", "password": "correct horse battery"])
            try await browser.get("/account/password")
            let wrong = try await browser.post(
                "/account/password",
                form: [
                    "currentPassword": "fel", "password": "ett nytt lösenord",
                    "passwordConfirmation": "ett nytt lösenord",
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Lösenordet stämmer inte."))
            let changed = try await browser.post(
                "/account/password",
                form: [
                    "currentPassword": "correct horse battery", "password": "ett nytt lösenord",
                    "passwordConfirmation": "ett nytt lösenord",
                ])
            #expect(changed.headers.first(name: .location) == "/account")
            #expect(try await browser.get("/account").status == .ok)
            #expect(try await elsewhere.get("/account").status == .seeOther)
        }
    }

    @Test("a new address takes effect only through the link sent to it; the old address is told")
    func changeEmail() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .member, email: "hanna@example.org")
            try await browser.get("/account/email")
            let taken = Browser(app)
            try await taken.signIn(as: .member, email: "upptagen@example.org")
            let sent = try await browser.post(
                "/account/email", form: ["email": "hanna.ny@example.org", "currentPassword": "correct horse battery"])
            #expect(sent.headers.first(name: .location) == "/account")
            #expect(try await Member.find(email: "hanna@example.org", on: app.db) != nil)
            let link = try await MailedLink.latest(to: "hanna.ny@example.org", kind: "account.change_email", on: app.db)
            #expect(try await browser.get(link).text.contains("hanna.ny@example.org"))
            #expect(try await Member.find(email: "hanna@example.org", on: app.db) != nil)
            try await browser.post(link.components(separatedBy: "?")[0], form: [:])
            #expect(try await Member.find(email: "hanna.ny@example.org", on: app.db) != nil)
            #expect(
                try await OutgoingMail.query(on: app.db).filter(\.$kind == "account.email_changed").first()?.toAddress
                    == "hanna@example.org")

            // An address another account has gets no link, and the page says the same.
            let same = try await browser.post(
                "/account/email", form: ["email": "upptagen@example.org", "currentPassword": "correct horse battery"])
            #expect(same.headers.first(name: .location) == "/account")
            #expect(
                try await OutgoingMail.query(on: app.db).filter(\.$toAddress == "upptagen@example.org").count() == 0)
        }
    }

    @Test("sign out everywhere ends every session of the account")
    func signOutEverywhere() async throws {
        try await withSamverka { app in
            let phone = Browser(app)
            try await phone.signIn(as: .member, email: "ida@example.org")
            let laptop = Browser(app)
            try await laptop.get("/sign-in")
            try await laptop.post("/sign-in", form: ["email": "ida@example.org", "password": "correct horse battery"])
            try await laptop.get("/account")
            let out = try await laptop.post("/account/sign-out-everywhere", form: [:])
            #expect(out.text.contains("Utloggad överallt"))
            #expect(try await laptop.get("/account").status == .seeOther)
            #expect(try await phone.get("/account").status == .seeOther)
        }
    }

    @Test("a signed-in session ends after two idle hours and after thirty days however busy")
    func sessionExpiry() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .member, email: "johan@example.org")
            app.clock = AppClock(now: { testNow.addingTimeInterval(3_600) })
            #expect(try await browser.get("/account").status == .ok)
            app.clock = AppClock(now: { testNow.addingTimeInterval(3_600 + 7_300) })
            #expect(try await browser.get("/account").status == .seeOther)

            let busy = Browser(app)
            app.clock = AppClock(now: { testNow })
            try await busy.signIn(as: .member, email: "karin@example.org")
            for hour in stride(from: 1, through: 30 * 24 + 1, by: 1) {
                app.clock = AppClock(now: { testNow.addingTimeInterval(Double(hour) * 3_600) })
                let status = try await busy.get("/account").status
                if hour <= 30 * 24 { #expect(status == .ok, "hour \(hour)") } else { #expect(status == .seeOther) }
                if status != .ok { break }
            }
        }
    }

    @Test(
        "sign-in's return address is only ever a path on this site",
        arguments: [
            ("/events?page=2", "/events?page=2"), ("//evil.example", "/"), ("/\\evil.example", "/"),
            ("/\t/evil.example", "/"),
            ("https://evil.example/", "/"), ("/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"), ("/ok\n/x", "/"),
            ("javascript:alert(1)", "/"),
        ])
    func safeNext(_ given: String, _ expected: String) {
        #expect(SignInInput(email: nil, password: nil, next: given).safeNext == expected)
    }

    @Test("no session row for a visitor who brings a made-up cookie, or reads pages without a form")
    func noSessionRows() async throws {
        try await withSamverka { app in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: "samverka_session=made-up-\(UUID().uuidString)")
            for path in ["/", "/events", "/events.ics", "/api/v1/events", "/no-such-page"] {
                _ = try await app.testing().sendRequest(.GET, path, headers: headers)
                _ = try await app.testing().sendRequest(.GET, path)
            }
            #expect(try await SessionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test("the session table keeps a hash of each cookie, never the cookie itself")
    func sessionKeysHashed() async throws {
        try await withSamverka { app in
            let response = try await app.testing().sendRequest(.GET, "/sign-in")
            let cookie = try #require(response.headers.setCookie?["samverka_session"]?.string)
            let keys = try await SessionRecord.query(on: app.db).all().map(\.key.string)
            #expect(keys == [SessionStore.stored(SessionID(string: cookie)).string])
            #expect(!keys.contains(cookie))
        }
    }

    @Test("the nightly purge removes accounts never confirmed in a week, used links and ended sessions")
    func purge() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.get("/sign-up")
            try await browser.post(
                "/sign-up",
                form: [
                    "name": "L", "email": "l@example.org", "password": "tio tecken!",
                    "passwordConfirmation": "tio tecken!",
                ])
            // Rows are stamped on the computer's clock; the test's is a year earlier.
            let unconfirmed = try #require(try await Member.find(email: "l@example.org", on: app.db))
            unconfirmed.createdAt = testNow
            try await unconfirmed.save(on: app.db)
            let member = Browser(app)
            try await member.signIn(as: .member, email: "m@example.org")
            let chores = { (seconds: TimeInterval) in AccountChores(app: app, now: testNow.addingTimeInterval(seconds))
            }
            #expect(try await chores(60).purge() == AccountChores.Purged())
            let week = try await chores(8 * 86_400).purge()
            #expect(week.unconfirmedAccounts == 1)
            #expect(week.sessions >= 1)
            #expect(try await Member.find(email: "l@example.org", on: app.db) == nil)
            #expect(try await Member.find(email: "m@example.org", on: app.db) != nil)
            #expect(try await AccountToken.query(on: app.db).count() == 0)
        }
    }
}
