import Foundation
import Vapor

/// `samverka seed demo`: fills an installation with Samverka's own demo network, so a new
/// site is alive at once. The demo is a small Jekyll site in `Resources/Demo/site`, imported
/// with the same importer as a real one; its events are moved by whole weeks so that they
/// lie around today, whenever the seed runs. Running it again updates the demo in place.
/// `samverka seed` alone, or `samverka seed --activities N`, means `seed demo`.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "what",
            help: "demo (the demo network and a programme week; the default), or programme (only the week)")
        var what: String

        @Option(name: "activities", help: "How many activities the programme week gets (default 300)")
        var activities: Int?

        @Option(name: "organisations", help: "How many organisations run them (default one for every eight, 12–400)")
        var organisations: Int?

        @Option(name: "events", help: "How many calendar events to add besides the demo site's (default none)")
        var events: Int?

        @Option(name: "seed", help: "The random seed, to build the same week again (default 2026)")
        var seed: Int?
    }

    var help: String { "Adds Samverka's demo content (events, projects, local groups)." }

    /// The Monday the demo site's dates are written around.
    static let demoAnchor =
        DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "Europe/Stockholm"), year: 2026,
            month: 1, day: 5
        ).date ?? Date(timeIntervalSince1970: 0)

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Supplies the word `demo` when none is given: ConsoleKit's required argument would
    /// otherwise refuse `seed --activities 20000`.
    func run(using context: inout CommandContext) async throws {
        if context.input.arguments.first.map({ $0.hasPrefix("-") }) ?? true {
            context.input.arguments.insert("demo", at: 0)
        }
        let signature = try Signature(from: &context.input)
        guard context.input.arguments.isEmpty else {
            throw CommandError.unknownInput(context.input.arguments.joined(separator: " "))
        }
        try await run(using: context, signature: signature)
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let now = app.clock.now()
        let counts = [
            ("activities", signature.activities), ("organisations", signature.organisations),
            ("events", signature.events),
        ]
        for (name, value) in counts where !(0...1_000_000).contains(value ?? 0) {
            throw Failure(description: "--\(name) must be between 0 and 1000000.")
        }
        let seed = UInt64(max(0, signature.seed ?? 2026))
        switch signature.what {
        case "demo":
            let report = try await Self.seedDemo(app, now: now)
            let organisations = try await DemoOrganisation.seed(app, now: now)
            context.console.print(report.summary)
            context.console.print("Organisations: \(organisations)")
            context.console.print("Events with sign-up: \(try await DemoRegistrations.seed(app))")
        case "programme":
            break
        default:
            throw Failure(description: "Unknown seed '\(signature.what)'; Samverka seeds: demo, programme.")
        }
        let activities = try await DemoProgramme(app: app, now: now, seed: seed)
            .build(activityCount: signature.activities ?? 300, organisationCount: signature.organisations)
        context.console.print("Programme week: \(activities) activities in \(DemoProgramme.slug)")
        // A calendar at scale, run by the organisations seeded before.
        if let count = signature.events, count > 0 {
            let organisations = try await Organisation.query(on: app.db).all()
            let made = try await DemoEvents(app: app, now: now, seed: seed).build(
                count: count, organisations: organisations)
            context.console.print("Calendar: \(made) more events")
        }
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
