import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Rate limits")
struct RateLimitTests {
    @Test("a bucket holds a minute's tries and refills evenly")
    func bucket() {
        let limiter = RateLimiter(perMinute: 3)
        let second: UInt64 = 1_000_000_000
        for _ in 0..<3 { #expect(limiter.take(.registration, client: "a", at: 0) == nil) }
        #expect(limiter.take(.registration, client: "a", at: 0) == 20)
        #expect(limiter.take(.registration, client: "b", at: 0) == nil)
        #expect(limiter.take(.signIn, client: "a", at: 0) == nil)
        #expect(limiter.take(.registration, client: "a", at: 19 * second) == 1)
        #expect(limiter.take(.registration, client: "a", at: 21 * second) == nil)
        #expect(RateLimiter(perMinute: 0).take(.registration, client: "a", at: 0) == nil)
    }

    @Test(
        "a flood of sign-ups and confirmations gets 429 in the reader's language, and a signed-in member keeps their own allowance"
    )
    func flood() async throws {
        try await withSamverka(rateLimitPerMinute: 3) { app in
            _ = try await RegistrationFixture.make(app, capacity: 100)
            let guest = Browser(app)
            try await guest.get("/events/workshop/register")
            for index in 0..<3 {
                let response = try await guest.post(
                    "/events/workshop/register", form: ["name": "Gäst \(index)", "email": "gast\(index)@example.org"])
                #expect(response.status == .seeOther)
            }
            let refused = try await guest.post(
                "/events/workshop/register", form: ["name": "Gäst", "email": "gast9@example.org"])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("För många förfrågningar"))
            #expect(Int(refused.headers.first(name: .retryAfter) ?? "") ?? 0 > 0)
            #expect(try await Registration.query(on: app.db).count() == 3)

            for _ in 0..<3 { _ = try await guest.post("/registrations/not-a-real-token-at-all/confirm", form: [:]) }
            #expect(
                try await guest.post("/registrations/not-a-real-token-at-all/confirm", form: [:]).status
                    == .tooManyRequests)

            let member = Browser(app)
            let hash = try await app.password.async.hash("correct horse battery")
            try await Member(
                email: "anna@example.org", name: "Anna", passwordHash: hash, role: .member, language: .sv,
                emailConfirmedAt: testNow
            ).save(on: app.db)
            try await member.get("/sign-in")
            // Signing in shares the guest's address, but has its own bucket.
            #expect(
                try await member.post(
                    "/sign-in", form: ["email": "anna@example.org", "password": "correct horse battery"]
                ).status == .seeOther)
            try await member.get("/events/workshop/register")
            #expect(try await member.post("/events/workshop/register", form: [:]).status == .seeOther)
        }
    }
}
