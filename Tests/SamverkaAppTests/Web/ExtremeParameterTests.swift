import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

/// Bots send every number they can think of to every address. No request may crash the process
/// or end in a server error: each GET route of the route table, as an admin so every guard lets
/// it through, gets extreme values in every query parameter Samverka reads.
@Suite("Extreme values in every query parameter")
struct ExtremeParameterTests {
    static let values = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "-1", "1e400", "", "%00%FF",
        String(repeating: "9", count: 10_000),
    ]
    static let parameters =
        ["page", "limit", "cursor", "q", "lang", "language", "show", "waited", "next", "status"]
        + ProgrammeFilter.Dimension.allCases.map(\.rawValue)
    /// Numbers also go alone, since a route may refuse one bad parameter before it reads the next.
    static let numbers = ["page", "limit", "cursor", "waited"]

    @Test("every GET route answers 2xx, 3xx or 4xx to every extreme value, and the server lives on")
    func everyRoute() async throws {
        try await withSamverka { app in
            _ = try await SeedCommand.seedDemo(app, now: testNow)
            _ = try await DemoOrganisation.seed(app, now: testNow)
            _ = try await DemoRegistrations.seed(app)
            _ = try await DemoProgramme(app: app, now: testNow).build(activityCount: 20)
            let browser = Browser(app)
            try await browser.signIn(as: .admin)
            let paths = try await Self.paths(app)
            #expect(paths.count > 40)
            var failures: [String] = []
            func check(_ target: String) async throws {
                let status = try await browser.get(target).status
                if status.code >= 500 { failures.append("\(status.code) \(target.prefix(160))") }
            }
            for path in paths {
                for value in Self.values {
                    try await check(path + "?" + Self.parameters.map { "\($0)=\(value)" }.joined(separator: "&"))
                }
                for parameter in Self.numbers {
                    for value in Self.values.prefix(2) { try await check(path + "?\(parameter)=\(value)") }
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
            #expect(try await app.testing().sendRequest(.GET, "/healthz").status == .ok)
        }
    }

    @Test(
        "a page past the end of a list is not found, in the reader's language",
        arguments: ["/events", "/projects", "/groups", "/organisations"])
    func pastTheEnd(_ path: String) async throws {
        try await withSamverka { app in
            _ = try await SeedCommand.seedDemo(app, now: testNow)
            let response = try await app.testing().sendRequest(.GET, path + "?page=9223372036854775807&lang=en")
            #expect(response.status == .notFound)
            #expect(response.text.contains("<html"))
            #expect(try await app.testing().sendRequest(.GET, path + "?page=99").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, path + "?page=1").status == .ok)
        }
    }

    /// Every GET route of the table with its parameters filled in from the demo network.
    static func paths(_ app: Application) async throws -> [String] {
        let event = try #require(try await Event.query(on: app.db).first())
        let project = try #require(try await Project.query(on: app.db).first())
        let group = try #require(try await LocalGroup.query(on: app.db).first())
        let organisation = try #require(try await Organisation.query(on: app.db).first())
        let activity = try #require(try await Activity.query(on: app.db).filter(\.$status == .approved).first())
        let registration = try await Registration.query(on: app.db).first()
        let message = try await OutgoingMail.query(on: app.db).first()
        let slugs = [
            "events": event.slug, "projects": project.slug, "groups": group.slug, "organisations": organisation.slug,
            "programmes": DemoProgramme.slug,
        ]
        return app.routes.all.filter { $0.method == .GET }.compactMap { route -> String? in
            let parts = route.path.map(\.description)
            let kind = parts.first { slugs[$0] != nil } ?? ""
            let filled = parts.map { part -> String in
                switch part {
                case ":slug": slugs[kind] ?? "nowhere"
                case ":activity": (try? activity.requireID().uuidString) ?? "x"
                case ":token": registration?.token ?? String(repeating: "a", count: 32)
                case ":message": (message?.id ?? UUID()).uuidString
                case "**": "some/old/page"
                default: part.hasPrefix(":") ? UUID().uuidString : part
                }
            }
            return "/" + filled.joined(separator: "/")
        }
    }
}
