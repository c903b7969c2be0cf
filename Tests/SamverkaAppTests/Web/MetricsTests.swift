import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Metrics for operators")
struct MetricsTests {
    @Test(
        "/metrics counts requests per route pattern, their latency, page cache hits and the outbox; only for loopback or the token"
    )
    func scrape() async throws {
        try await withSamverka { app in
            try await app.makeEvent(slug: "workshop", title: "Workshop", startsAt: testNow.addingTimeInterval(86_400))
            for _ in 0..<3 { try await app.testing().sendRequest(.GET, "/events/workshop") }
            try await app.testing().sendRequest(.GET, "/events/no-such-event")
            let message = MailMessage(
                to: "anna@example.org", toName: "Anna", subject: "Hej", text: "Hej", html: "<p>Hej</p>")
            try await OutgoingMail(kind: "test", message: message, sendAfter: testNow).save(on: app.db)

            // In-process requests come from no address: neither loopback nor a token.
            #expect(try await app.testing().sendRequest(.GET, "/metrics").status == .notFound)
            app.settings.metricsToken = "a-long-enough-metrics-token"
            let wrong = try await app.testing().sendRequest(
                .GET, "/metrics", headers: ["Authorization": "Bearer not-the-token"])
            #expect(wrong.status == .notFound)
            let scraped = try await app.testing().sendRequest(
                .GET, "/metrics", headers: ["Authorization": "Bearer a-long-enough-metrics-token"])
            #expect(scraped.status == .ok)
            #expect(scraped.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = scraped.body.string
            #expect(text.contains(#"samverka_http_requests_total{route="/events/:slug",method="GET",status="200"} 3"#))
            #expect(text.contains(#"samverka_http_requests_total{route="/events/:slug",method="GET",status="404"} 1"#))
            #expect(
                text.contains(
                    #"samverka_http_request_duration_seconds_bucket{route="/events/:slug",method="GET",le="+Inf"} 4"#))
            #expect(text.contains(#"samverka_page_cache_lookups_total{result="hit"} 2"#))
            #expect(text.contains(#"samverka_page_cache_lookups_total{result="miss"} 2"#))
            #expect(text.contains("samverka_mail_outbox_waiting 1"))
            #expect(text.contains("samverka_mail_outbox_failed 0"))
            #expect(text.contains("samverka_signup_queue_depth 0"))
            #expect(!text.contains("no-such-event"))
        }
    }

    @Test("a scrape from this machine needs no token; behind a proxy it does")
    func loopback() async throws {
        try await withSamverka { app in
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            #expect(try await tester.sendRequest(.GET, "/metrics").status == .ok)
            app.settings.behindProxy = true
            #expect(try await tester.sendRequest(.GET, "/metrics").status == .notFound)
        }
    }
}
