import Foundation
import Testing
import Vapor

@testable import SamverkaApp

/// The folders tests read from.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The real civictech.se site, kept in `Tests/Fixtures/` (or at `SAMVERKA_FIXTURE_SITE`).
    static var civictechSite: URL {
        if let path = ProcessInfo.processInfo.environment["SAMVERKA_FIXTURE_SITE"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent("Tests/Fixtures/civictech.se")
    }

    /// Imports the civictech.se site into the app's database.
    @discardableResult
    static func importCivicTechSite(into app: Application, dryRun: Bool = false) async throws -> ImportReport {
        let site = civictechSite
        try #require(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("_events").path),
            "The civictech.se fixture is missing at \(site.path); set SAMVERKA_FIXTURE_SITE")
        let importer = JekyllImporter(
            root: site, uploadsDirectory: app.settings.uploadsDirectory, timeZone: app.settings.timeZone,
            municipalities: app.municipalities, dryRun: dryRun)
        return try await importer.run(on: app.db)
    }

    /// A small site written on the spot, for the importer's error paths.
    static func makeSite(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("samverka-site-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }
}

extension Application {
    /// Adds an event with sensible defaults, for page tests that need one.
    @discardableResult
    func makeEvent(
        slug: String, title: String, startsAt: Date, language: Language = .sv, body: String = "",
        excerpt: String = "", translationKey: String? = nil, recurrence: Recurrence = .none
    ) async throws -> Event {
        let event = Event()
        event.slug = slug
        event.title = title
        event.language = language
        event.translationKey = translationKey
        event.excerpt = excerpt
        event.ingress = ""
        event.body = body
        event.startsAt = startsAt
        event.dateDescription = ""
        event.format = .physical
        event.placeName = "Stadsbiblioteket"
        event.address = "Storgatan 1, Umeå"
        event.links = []
        event.partners = []
        event.status = .scheduled
        event.recurrence = recurrence
        try await event.save(on: db)
        return event
    }

    /// Makes the member with `email` act for `organisation` in `role`, as an owner's approval would.
    func addMember(_ email: String, to organisation: Organisation, as role: OrganisationMembership.Role) async throws {
        let member = try #require(try await Member.find(email: email, on: db))
        try await OrganisationMembership(
            organisationID: try organisation.requireID(), memberID: try member.requireID(), role: role, status: .active
        ).save(on: db)
    }
}
