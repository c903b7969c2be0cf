import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Mail")
struct MailDeliveryTests {
    @Test("a message's MIME text: encoded headers, no header injection, base64 parts, the attachment")
    func mime() throws {
        let message = MailMessage(
            to: "anna@example.org", toName: "Anna\r\nBcc: evil@example.org",
            subject: "Du är anmäld\nBcc: evil@example.org",
            text: "Hej!\n.\nEn rad med punkt.", html: "<p>Hej!</p>",
            attachments: [
                .init(
                    filename: "samverka.ics", contentType: "text/calendar; charset=utf-8",
                    content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
            ]
        )
        let text = message.mime(from: "Samverka <noreply@example.org>", date: testNow, id: "ABC-123")
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") })
        #expect(
            headers.contains(
                "Subject: =?UTF-8?B?" + Data("Du är anmäld Bcc: evil@example.org".utf8).base64EncodedString() + "?="))
        #expect(headers.contains("Message-ID: <ABC-123@example.org>"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"samverka.ics\""))
        #expect(text.contains(Data("<p>Hej!</p>".utf8).base64EncodedString()))
        #expect(SMTPClient.dotStuffed("a\n.\n..b") == "a\r\n..\r\n...b\r\n")
    }

    @Test("the SMTP URL is read with its parts; anything else is refused")
    func serverURL() {
        #expect(
            SMTPServer(url: "smtp://user%40x:p%3Ass@mail.example.org:2525")
                == SMTPServer(url: "smtp://user%40x:p%3Ass@mail.example.org:2525"))
        let server = SMTPServer(url: "smtp://user%40x:p%3Ass@mail.example.org:2525")
        #expect(
            server?.username == "user@x" && server?.password == "p:ss" && server?.port == 2525
                && server?.implicitTLS == false)
        #expect(SMTPServer(url: "smtps://mail.example.org")?.port == 465)
        #expect(SMTPServer(url: "http://mail.example.org") == nil)
        #expect(SMTPServer(url: "smtp://") == nil)
    }

    @Test("the SMTP password crosses the network only over TLS")
    func credentialsOnlyOverTLS() throws {
        let remote = try #require(SMTPServer(url: "smtp://user:secret@mail.example.org:587"))
        #expect(!SMTPClient.mayAuthenticate(remote, secured: false))
        #expect(SMTPClient.mayAuthenticate(remote, secured: true))
        #expect(SMTPClient.mayAuthenticate(try #require(SMTPServer(url: "smtp://mail.example.org:25")), secured: false))
        #expect(
            SMTPClient.mayAuthenticate(try #require(SMTPServer(url: "smtp://user:secret@127.0.0.1:25")), secured: false)
        )
    }

    @Test("without SMTP the outbox keeps every message for admins to read")
    func outboxPage() async throws {
        try await withSamverka { app in
            let message = MailMessage(
                to: "anna@example.org", toName: "Anna", subject: "Hej <b>Anna</b>", text: "Brödtext",
                html: "<p>Brödtext</p>")
            try await OutgoingMail(kind: "test", message: message, sendAfter: testNow).save(on: app.db)
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            let list = try await admin.get("/admin/outbox")
            #expect(list.text.contains("Hej &lt;b&gt;Anna&lt;/b&gt;"))
            #expect(list.text.contains("Väntar"))
            let id = try #require(try await OutgoingMail.query(on: app.db).first()?.requireID())
            let shown = try await admin.get("/admin/outbox/\(id.uuidString)").text
            #expect(shown.contains("Brödtext</pre>"))
            // Both parts: the HTML in a sandboxed frame, escaped into its attribute.
            #expect(shown.contains(#"sandbox srcdoc="&lt;p&gt;Brödtext&lt;/p&gt;""#))
            let member = Browser(app)
            try await member.signIn(as: .moderator, email: "moderator@example.org")
            #expect(try await member.get("/admin/outbox").status == .forbidden)
            let round = try await MailDelivery(
                database: app.db, settings: app.settings, now: { testNow }, logger: app.logger
            ).deliverDue()
            #expect(round == MailDelivery.Round())
            #expect(try await OutgoingMail.query(on: app.db).first()?.sentAt == nil)
        }
    }

    @Test("a server that refuses gets the message retried later, and never twice at once")
    func retryAndClaim() async throws {
        try await withSamverka { app in
            var settings = app.settings
            settings.smtpURL = "smtp://127.0.0.1:9"  // nothing listens on the discard port
            let message = MailMessage(
                to: "anna@example.org", toName: "Anna", subject: "Hej", text: "Text", html: "<p>Text</p>")
            try await OutgoingMail(kind: "test", message: message, sendAfter: testNow).save(on: app.db)
            let delivery = MailDelivery(database: app.db, settings: settings, now: { testNow }, logger: app.logger)
            #expect(try await delivery.deliverDue() == MailDelivery.Round(sent: 0, retried: 1, failed: 0))
            let mail = try #require(try await OutgoingMail.query(on: app.db).first())
            #expect(
                mail.attempts == 1 && mail.sentAt == nil && mail.sendAfter == testNow.addingTimeInterval(60)
                    && !mail.lastError.isEmpty)
            // Not due yet: the next round leaves it alone.
            #expect(try await delivery.deliverDue() == MailDelivery.Round())
            #expect(MailDelivery.backoff(afterAttempts: 3) == 240)
            #expect(MailDelivery.backoff(afterAttempts: 20) == 6 * 3_600)
        }
    }

    /// Delivers through a real SMTP server when `SAMVERKA_TEST_SMTP_URL` and
    /// `SAMVERKA_TEST_MAILDIR` name one (`scripts/test` starts aiosmtpd for this).
    @Test(
        "delivery through a real SMTP server",
        .enabled(if: ProcessInfo.processInfo.environment["SAMVERKA_TEST_SMTP_URL"] != nil))
    func realServer() async throws {
        let environment = ProcessInfo.processInfo.environment
        try await withSamverka { app in
            var settings = app.settings
            settings.smtpURL = environment["SAMVERKA_TEST_SMTP_URL"]
            settings.mailFrom = "Samverka <noreply@samverka.test>"
            let marker = UUID().uuidString
            let message = MailMessage(
                to: "anna@example.org", toName: "Anna Åberg", subject: "Du är anmäld \(marker)", text: "Hej!\n.\nSlut.",
                html: "<p>Hej!</p>",
                attachments: [
                    .init(
                        filename: "samverka.ics", contentType: "text/calendar; charset=utf-8",
                        content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
                ])
            try await OutgoingMail(kind: "test", message: message, sendAfter: testNow).save(on: app.db)
            let delivery = MailDelivery(database: app.db, settings: settings, now: { testNow }, logger: app.logger)
            #expect(try await delivery.deliverDue() == MailDelivery.Round(sent: 1, retried: 0, failed: 0))
            #expect(try await delivery.deliverDue() == MailDelivery.Round())
            let folder = try #require(environment["SAMVERKA_TEST_MAILDIR"])
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { !$0.hasSuffix("/") }
            let arrived = files.compactMap { try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.filter {
                $0.contains(Data("Du är anmäld \(marker)".utf8).base64EncodedString())
            }
            #expect(arrived.count == 1)
            #expect(arrived.first?.contains("filename=\"samverka.ics\"") == true)
        }
    }

    @Test("the HTML part links each address up to the end of its line, and escapes everything else")
    func htmlLinks() throws {
        let html = MailMessage.html(
            [
                "När: 12 mars 18:00\nVar: Online: https://meet.example.org/abc\nSida: https://samverka.example.org/events/fika",
                "Din länk: https://x.example.org/a?b=1&c=2. <script>",
            ], language: .sv)
        #expect(html.contains(#"Online: <a href="https://meet.example.org/abc">https://meet.example.org/abc</a><br>"#))
        #expect(html.contains(#"<a href="https://samverka.example.org/events/fika">"#))
        #expect(
            html.contains(
                #"<a href="https://x.example.org/a?b=1&amp;c=2">https://x.example.org/a?b=1&amp;c=2</a>. &lt;script&gt;"#
            ))
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.count == 3)
        #expect(hrefs.allSatisfy { !$0.contains("<") && !$0.contains(" ") && !$0.contains("\n") })
    }
}
