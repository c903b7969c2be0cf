import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("Activities have readable addresses")
struct ActivityAddressTests {
    @Test(
        "an activity lives at /programmes/{edition}/{slug}; the same title twice, or a word the edition uses, gets a number"
    )
    func readable() async throws {
        try await withSamverka { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let first = try await fixture.submit(
                umea, ProgrammeFixture.form("umea-kommun", title: "Öppna data i kommunerna"))
            #expect(first.slug == "oppna-data-i-kommunerna")
            let sent = try await umea.get("/programmes/innovationsveckan-2026/oppna-data-i-kommunerna")
            #expect(sent.status == .ok && sent.text.contains("Öppna data i kommunerna"))

            try await umea.get(fixture.newPath)
            #expect(
                try await umea.post(
                    fixture.createPath, form: ProgrammeFixture.form("umea-kommun", title: "Öppna data i kommunerna")
                ).headers
                    .first(name: .location) == "/programmes/innovationsveckan-2026/oppna-data-i-kommunerna-2")
            let review = try await fixture.submit(umea, ProgrammeFixture.form("umea-kommun", title: "Review"))
            #expect(review.slug == "review-2")

            // A new title keeps the address, so links already shared still work.
            var renamed = ProgrammeFixture.form("umea-kommun", title: "Data i kommunerna")
            renamed["intent"] = "draft"
            try await umea.get(try fixture.path(first) + "/edit")
            #expect(
                try await umea.post(try fixture.path(first) + "/edit", form: renamed).headers.first(name: .location)
                    == "/programmes/innovationsveckan-2026/oppna-data-i-kommunerna")
        }
    }

    @Test("the addresses activities had before lead to their readable ones; nonsense is not found")
    func oldAddresses() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            let fixture = try await ProgrammeFixture.make(app)
            let (_, umea) = try await fixture.organisation(
                "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
            let activity = try await fixture.submit(
                umea, ProgrammeFixture.form("umea-kommun", title: "Kommunerna och AI"))
            let id = try activity.requireID().uuidString
            let old = try await app.testing().sendRequest(.GET, "/programmes/innovationsveckan-2026/activities/\(id)")
            #expect(old.status == .movedPermanently)
            #expect(old.headers.first(name: .location) == "/programmes/innovationsveckan-2026/kommunerna-och-ai")
            let calendar = try await app.testing().sendRequest(
                .GET, "/programmes/innovationsveckan-2026/activities/\(id)/calendar.ics")
            #expect(
                calendar.headers.first(name: .location)
                    == "/programmes/innovationsveckan-2026/kommunerna-och-ai/calendar.ics")
            for nonsense in [
                "/programmes/innovationsveckan-2026/activities/\(UUID().uuidString)",
                "/programmes/innovationsveckan-2026/inget-sadant",
                "/programmes/innovationsveckan-2026/" + String(repeating: "a", count: 5_000),
                "/programmes/finns-inte/kommunerna-och-ai",
            ] {
                #expect(
                    try await app.testing().sendRequest(.GET, nonsense).status == .notFound, "\(nonsense.prefix(80))")
            }
        }
    }
}
