import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Signing up, in and out")
struct AccountTests {
    @Test("a visitor signs up, confirms the address by the mailed link, is signed in, signs out")
    func signUpAndOut() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            let form = try await browser.get("/sign-up")
            #expect(form.status == .ok)
            #expect(form.text.contains(#"autocomplete="new-password""#))
            let response = try await browser.post(
                "/sign-up",
                form: [
                    "name": "Anna", "email": "Anna@Example.org", "password": "tio tecken!",
                    "passwordConfirmation": "tio tecken!",
                ])
            #expect(response.headers.first(name: .location) == "/sign-up/sent")
            #expect(try await browser.get("/sign-up/sent").text.contains("Titta i din e-post"))
            let member = try #require(try await Member.find(email: "anna@example.org", on: app.db))
            #expect(member.role == .member)
            #expect(member.passwordHash.hasPrefix("$2"))
            #expect(member.emailConfirmedAt == nil)

            // Not before the address is proven.
            try await browser.get("/sign-in")
            let early = try await browser.post(
                "/sign-in", form: ["email": "anna@example.org", "password": "tio tecken!"])
            #expect(early.status == .forbidden)
            #expect(early.text.contains("Bekräfta först din e-postadress"))

            let link = try await MailedLink.latest(to: "anna@example.org", kind: "account.confirm_email", on: app.db)
            // Opening the link (as a mail scanner would) changes nothing; the button does.
            let page = try await browser.get(link)
            #expect(page.text.contains("Bekräfta adressen"))
            #expect(try await Member.find(email: "anna@example.org", on: app.db)?.emailConfirmedAt == nil)
            let confirmed = try await browser.post(link.components(separatedBy: "?")[0], form: [:])
            #expect(confirmed.status == .seeOther)
            let home = try await browser.get("/")
            #expect(home.text.contains("Välkommen, Anna!"))
            #expect(home.text.contains("Logga ut"))
            #expect(try await browser.post("/sign-out", form: [:]).status == .seeOther)
            #expect(try await browser.get("/").text.contains(#"href="/sign-in""#))
            // The link works once.
            #expect(try await browser.get(link).status == .notFound)
        }
    }

    @Test("a bad sign-up comes back with the values kept and a message beside each field")
    func badSignUp() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.get("/sign-up")
            let response = try await browser.post(
                "/sign-up",
                form: [
                    "name": "Bertil <b>", "email": "inte-en-adress", "password": "kort",
                    "passwordConfirmation": "annat",
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(#"value="Bertil &lt;b&gt;""#))
            #expect(response.text.contains(#"value="inte-en-adress""#))
            #expect(response.text.contains("Skriv en e-postadress som namn@exempel.se."))
            #expect(response.text.contains("Lösenordet behöver minst 10 tecken."))
            #expect(response.text.contains("Lösenorden är inte lika."))
            #expect(response.text.contains(#"aria-invalid="true""#))
            #expect(response.text.contains(##"href="#field-email""##))
            #expect(try await Member.query(on: app.db).count() == 0)
        }
    }

    @Test("signing up with a taken address answers the same; only the address's owner learns of it, by mail")
    func takenAddress() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .member, email: "cecilia@example.org")
            let other = Browser(app)
            try await other.get("/sign-up")
            let response = try await other.post(
                "/sign-up",
                form: [
                    "name": "C", "email": "CECILIA@example.org", "password": "tio tecken!",
                    "passwordConfirmation": "tio tecken!",
                ])
            #expect(response.headers.first(name: .location) == "/sign-up/sent")
            #expect(try await Member.query(on: app.db).count() == 1)
            let mail = try await OutgoingMail.query(on: app.db).filter(\.$kind == "account.already_registered").all()
            #expect(mail.map(\.toAddress) == ["cecilia@example.org"])
            #expect(mail.first?.message.text.contains("/password/forgot") == true)
        }
    }

    @Test("a wrong password says so without telling which part was wrong")
    func wrongPassword() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .member, email: "david@example.org")
            let stranger = Browser(app)
            try await stranger.get("/sign-in?lang=en")
            let wrong = try await stranger.post(
                "/sign-in", form: ["email": "david@example.org", "password": "fel lösenord"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The email address or password is wrong."))
            let unknown = try await stranger.post(
                "/sign-in", form: ["email": "nobody@example.org", "password": "fel lösenord"])
            #expect(unknown.text.contains("The email address or password is wrong."))
        }
    }

    @Test("sign-in returns to the page asked for, and never to another site")
    func next() async throws {
        try await withSamverka { app in
            let hash = try await app.password.async.hash("correct horse battery")
            try await Member(
                email: "e@example.org", name: "E", passwordHash: hash, role: .admin, language: .sv,
                emailConfirmedAt: testNow
            ).save(on: app.db)
            let browser = Browser(app)
            let redirect = try await browser.get("/events/new")
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers.first(name: .location) == "/sign-in?next=%2Fevents%2Fnew")
            let form = try await browser.get("/sign-in?next=%2Fevents%2Fnew")
            #expect(form.text.contains(#"name="next" value="/events/new""#))
            let back = try await browser.post(
                "/sign-in",
                form: ["email": "e@example.org", "password": "correct horse battery", "next": "/events/new"])
            #expect(back.headers.first(name: .location) == "/events/new")
            let evil = Browser(app)
            try await evil.get("/sign-in")
            let away = try await evil.post(
                "/sign-in",
                form: ["email": "e@example.org", "password": "correct horse battery", "next": "//evil.example"])
            #expect(away.headers.first(name: .location) == "/")
        }
    }

    @Test("a form without its CSRF token is refused and changes nothing")
    func csrf() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.get("/sign-up")
            let response = try await browser.post(
                "/sign-up",
                form: [
                    "name": "F", "email": "f@example.org", "password": "tio tecken!",
                    "passwordConfirmation": "tio tecken!",
                ], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Ingen behörighet"))
            #expect(try await Member.query(on: app.db).count() == 0)
            let forged = try await browser.post("/sign-up", form: ["_csrf": "forged", "name": "F"], csrf: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test("the session cookie is HttpOnly and SameSite, and sessions live in the database")
    func sessionCookie() async throws {
        try await withSamverka { app in
            let response = try await app.testing().sendRequest(.GET, "/sign-in")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("samverka_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
        }
    }

    @Test("signing in gives the session a new id and forgets the old one")
    func sessionRenewed() async throws {
        try await withSamverka { app in
            let hash = try await app.password.async.hash("correct horse battery")
            try await Member(
                email: "g@example.org", name: "G", passwordHash: hash, role: .member, language: .sv,
                emailConfirmedAt: testNow
            ).save(on: app.db)
            let browser = Browser(app)
            let form = try await browser.get("/sign-in")
            let before = try #require(form.headers[.setCookie].first { $0.hasPrefix("samverka_session=") })
            let signedIn = try await browser.post(
                "/sign-in", form: ["email": "g@example.org", "password": "correct horse battery"])
            let after = try #require(signedIn.headers[.setCookie].first { $0.hasPrefix("samverka_session=") })
            #expect(before.split(separator: ";").first != after.split(separator: ";").first)
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
            #expect(try await browser.get("/").text.contains("Logga ut"))
        }
    }
}

@Suite("The user command")
struct UserCommandTests {
    @Test("creates an admin with the password from the environment, and changes roles")
    func createAdmin() async throws {
        try await withSamverka { app in
            setenv("SAMVERKA_PASSWORD", "ett långt lösenord", 1)
            defer { unsetenv("SAMVERKA_PASSWORD") }
            let console = TestConsole()
            try await runCommand(
                UserCommand(), ["create", "--email", "Admin@Example.org", "--role", "admin"], on: app, console: console)
            let admin = try #require(try await Member.find(email: "admin@example.org", on: app.db))
            #expect(admin.role == .admin)
            #expect(try await app.password.async.verify("ett långt lösenord", created: admin.passwordHash))
            #expect(!console.output.contains("ett långt lösenord"))
            try await runCommand(
                UserCommand(), ["role", "--email", "admin@example.org", "--role", "moderator"], on: app,
                console: console)
            #expect(try await Member.find(email: "admin@example.org", on: app.db)?.role == .moderator)
        }
    }

    @Test("refuses a bad role or address")
    func refuses() async throws {
        try await withSamverka { app in
            let console = TestConsole()
            await #expect(throws: UserCommand.Failure.self) {
                try await runCommand(
                    UserCommand(), ["create", "--email", "x@example.org", "--role", "king"], on: app, console: console)
            }
            await #expect(throws: UserCommand.Failure.self) {
                try await runCommand(UserCommand(), ["create", "--email", "not-an-address"], on: app, console: console)
            }
        }
    }
}
