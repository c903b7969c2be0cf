import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("The JSON API")
struct APITests {
    private func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    @Test("activities page by cursor with the programme page's filters, nothing before the release date")
    func activities() async throws {
        try await withSamverka { app in
            _ = try await PublicProgrammeTests.seed(app)
            let early = try json(
                try await app.testing().sendRequest(.GET, "/api/v1/programmes/innovationsveckan-2026/activities"))
            #expect(early["total"] as? Int == 0)
        }
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let first = try await app.testing().sendRequest(
                .GET, "/api/v1/programmes/innovationsveckan-2026/activities?limit=2")
            #expect(first.headers.contentType == .json)
            let page = try json(first)
            #expect(page["total"] as? Int == 5)
            let data = try #require(page["data"] as? [[String: Any]])
            #expect(data.count == 2 && data.first?["title"] as? String == "Kommunerna och AI")
            #expect((data.first?["organisers"] as? [[String: Any]])?.first?["slug"] as? String == "umea-kommun")
            var cursor = try #require(page["next_cursor"] as? String)
            var titles = data.compactMap { $0["title"] as? String }
            while true {
                let next = try json(
                    try await app.testing().sendRequest(
                        .GET, "/api/v1/programmes/innovationsveckan-2026/activities?limit=2&cursor=\(cursor)"))
                titles += (next["data"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
                guard let more = next["next_cursor"] as? String else { break }
                cursor = more
            }
            #expect(titles.count == 5 && Set(titles).count == 5)

            let digital = try json(
                try await app.testing().sendRequest(
                    .GET, "/api/v1/programmes/innovationsveckan-2026/activities?format=digital&q=skärgård"))
            #expect(
                (digital["data"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Åtgärder för skärgården"])

            let id = try #require(data.first?["id"] as? String)
            let one = try json(
                try await app.testing().sendRequest(.GET, "/api/v1/programmes/innovationsveckan-2026/activities/\(id)"))
            #expect(one["municipality"] as? String == "Umeå" && one["region"] as? String == "Västerbottens län")
            let statistics = try json(
                try await app.testing().sendRequest(.GET, "/api/v1/programmes/innovationsveckan-2026/statistics"))
            #expect(statistics["activities"] as? Int == 5)
        }
    }

    @Test(
        "a client's mistake is a problem+json 400 that says what; an unknown item a 404; ETag gives 304; any site may call it"
    )
    func clientErrorsCachingAndCORS() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            for (path, detail) in [
                ("/api/v1/events?limit=0", "limit must be"), ("/api/v1/events?limit=abc", "limit must be"),
                ("/api/v1/events?cursor=%21%21", "cursor is not"), ("/api/v1/events?cursor=o%2B5", "cursor is not"),
                ("/api/v1/programmes/innovationsveckan-2026/activities?day=13%20mars", "day must be"),
                ("/api/v1/events?language=de", "language must be"),
                ("/api/v1/programmes/innovationsveckan-2026/activities?format=nope", "format 'nope' is not one of"),
                (
                    "/api/v1/programmes/innovationsveckan-2026/activities?municipality=Ume%C3%A5",
                    "not a code of 4 digits"
                ),
                ("/api/v1/organisations?sector=king", "sector must be"),
            ] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .badRequest, "\(path)")
                #expect(
                    response.headers.contentType?.description.hasPrefix("application/problem+json") == true, "\(path)")
                #expect((try json(response)["detail"] as? String)?.contains(detail) == true, "\(path)")
            }
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/organisations/no-such-organisation")
            #expect(missing.status == .notFound)
            #expect(try json(missing)["status"] as? Int == 404)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/nothing-here").status == .notFound)
            // A well-formed value the programme has nothing for matches nothing, as on the page.
            for path in [
                "/api/v1/programmes/innovationsveckan-2026/activities?theme=nope",
                "/api/v1/programmes/innovationsveckan-2026/activities?municipality=0000",
                "/api/v1/programmes/innovationsveckan-2026/activities?day=2026-02-31",
            ] {
                let none = try await app.testing().sendRequest(.GET, path)
                let total = try json(none)["total"] as? Int
                #expect(none.status == .ok && total == 0, "\(path)")
            }
            // An empty cursor is the first page; a method the read-only API has not is 405 with what it has.
            let emptyCursor = try await app.testing().sendRequest(.GET, "/api/v1/organisations?cursor=")
            #expect(emptyCursor.status == .ok)
            for method in [HTTPMethod.TRACE, .POST, .DELETE, .PUT] {
                let refused = try await app.testing().sendRequest(method, "/api/v1/events")
                #expect(refused.status == .methodNotAllowed, "\(method)")
                #expect(refused.headers.first(name: "Allow") == "GET, HEAD, OPTIONS", "\(method)")
            }

            let organisations = try await app.testing().sendRequest(.GET, "/api/v1/organisations?sector=municipality")
            let tag = try #require(organisations.headers.first(name: .eTag))
            #expect(organisations.headers.first(name: .accessControlAllowOrigin) == "*")
            #expect(
                (try json(organisations)["data"] as? [[String: Any]])?.map { $0["slug"] as? String } == ["umea-kommun"])
            let again = try await app.testing().sendRequest(
                .GET, "/api/v1/organisations?sector=municipality", headers: ["If-None-Match": tag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            let preflight = try await app.testing().sendRequest(
                .OPTIONS, "/api/v1/events",
                headers: ["Origin": "https://example.org", "Access-Control-Request-Method": "GET"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers.first(name: .accessControlAllowMethods)?.contains("GET") == true)

            let document = try await app.testing().sendRequest(.GET, "/api/openapi.json")
            let openAPI = try json(document)
            #expect(openAPI["openapi"] as? String == "3.1.0")
            #expect((openAPI["servers"] as? [[String: Any]])?.first?["url"] as? String == "http://127.0.0.1:8080")
            #expect((openAPI["paths"] as? [String: Any])?.keys.count == 13)
        }
    }

    @Test("events and directories list in the asked language, each item's page and calendar linked")
    func lists() async throws {
        try await withSamverka { app in
            _ = try await app.makeEvent(slug: "traff", title: "Träff", startsAt: testNow.addingTimeInterval(86_400))
            _ = try await app.makeEvent(
                slug: "meeting", title: "Meeting", startsAt: testNow.addingTimeInterval(86_400), language: .en)
            let english = try json(try await app.testing().sendRequest(.GET, "/api/v1/events?language=en"))
            let events = try #require(english["data"] as? [[String: Any]])
            #expect(events.map { $0["slug"] as? String } == ["meeting"])
            #expect(events.first?["calendar_url"] as? String == "http://127.0.0.1:8080/events/meeting/calendar.ics")
            #expect(
                try json(try await app.testing().sendRequest(.GET, "/api/v1/events/traff"))["title"] as? String
                    == "Träff")
            #expect(try json(try await app.testing().sendRequest(.GET, "/api/v1/projects"))["total"] as? Int == 0)
            #expect(try json(try await app.testing().sendRequest(.GET, "/api/v1/groups"))["total"] as? Int == 0)
        }
    }
}
