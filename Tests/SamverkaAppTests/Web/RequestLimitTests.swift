import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

@Suite("Limits on what a request may carry")
struct RequestLimitTests {
    @Test("an ordinary form's body is read only up to its route's own limit")
    func ordinaryFormLimit() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            let huge = try await browser.post(
                "/sign-in", form: ["email": "a@example.org", "password": String(repeating: "x", count: 400_000)])
            #expect(huge.status == .payloadTooLarge)
            let ordinary = try await browser.post(
                "/sign-in", form: ["email": "a@example.org", "password": "fel lösenord"])
            #expect(ordinary.status != .payloadTooLarge)
            #expect(ordinary.status.code < 500)
        }
    }

    @Test("a POST without a session token is refused before its body is read")
    func noSessionNoBody() async throws {
        try await withSamverka { app in
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let response = try await app.testing().sendRequest(
                .POST, "/events", headers: headers,
                body: ByteBuffer(string: "title=" + String(repeating: "x", count: 1_000_000)))
            #expect(response.status == .forbidden)
        }
    }

    @Test("a Markdown text over the limit comes back with the count, in the reader's language; at the limit it saves")
    func markdownLimit() async throws {
        try await withSamverka { app in
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            try await browser.get("/events/new?lang=en")
            var input = EditingTests.goodEvent
            input["body"] = String(repeating: "å", count: Markdown.maximumLength + 1)
            let refused = try await browser.post("/events", form: input)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("The text is too long: at most 20000 characters, now 20001."))
            input["body"] = String(repeating: "å", count: Markdown.maximumLength)
            #expect(try await browser.post("/events", form: input).status == .seeOther)
        }
    }
}
