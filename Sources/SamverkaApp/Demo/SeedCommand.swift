import Foundation
import Vapor

/// `samverka seed demo`: fills an installation with Samverka's own demo network, so a new
/// site is alive at once. The demo is a small Jekyll site in `Resources/Demo/site`, imported
/// with the same importer as a real one; its events are moved by whole weeks so that they
/// lie around today, whenever the seed runs. Running it again updates the demo in place.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "What to seed: demo")
        var what: String
    }

    var help: String { "Adds Samverka's demo content (events, projects, local groups)." }

    /// The Monday the demo site's dates are written around.
    static let demoAnchor = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "Europe/Stockholm"), year: 2026, month: 1, day: 5).date ?? Date(timeIntervalSince1970: 0)

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "demo" else { throw Failure(description: "Unknown seed '\(signature.what)'; Samverka seeds: demo.") }
        let now = context.application.clock.now()
        let report = try await Self.seedDemo(context.application, now: now)
        let organisations = try await DemoOrganisation.seed(context.application, now: now)
        context.console.print(report.summary)
        context.console.print("Organisations: \(organisations)")
    }

    static func seedDemo(_ app: Application, now: Date) async throws -> ImportReport {
        let weeks = Int((now.timeIntervalSince(demoAnchor) / Event.week).rounded(.down))
        let importer = JekyllImporter(
            root: URL(fileURLWithPath: app.directory.resourcesDirectory + "Demo/site"),
            uploadsDirectory: app.settings.uploadsDirectory,
            timeZone: app.settings.timeZone,
            municipalities: app.municipalities,
            shiftEventsByWeeks: weeks
        )
        return try await importer.run(on: app.db)
    }
}
