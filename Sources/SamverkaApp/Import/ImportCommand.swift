import Foundation
import Vapor

/// `samverka import jekyll PATH [--dry-run]`: brings an old Jekyll site in.
/// `samverka import ics FILE --organisation SLUG [--language sv|en] [--dry-run]`: brings an
/// organisation's calendar in as its events.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "format", help: "What to import: jekyll or ics")
        var format: String

        @Argument(name: "path", help: "The site's folder (jekyll) or the calendar file (ics)")
        var path: String

        @Option(name: "organisation", help: "ics: the slug of the organisation whose events these are")
        var organisation: String?

        @Option(name: "language", help: "ics: the language the events are written in (sv or en; default sv)")
        var language: String?

        @Flag(name: "dry-run", help: "Read and report, change nothing")
        var dryRun: Bool
    }

    var help: String {
        "Imports a Jekyll site (events, projects, local groups, uploads) or an organisation's iCalendar file."
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.format == "ics" { return try await importCalendar(using: context, signature: signature) }
        guard signature.format == "jekyll" else {
            throw Failure(description: "Unknown format '\(signature.format)'; Samverka imports: jekyll, ics.")
        }
        let app = context.application
        let progress = ProgressBar(console: context.console)
        var importer = JekyllImporter(
            root: URL(fileURLWithPath: signature.path),
            uploadsDirectory: app.settings.uploadsDirectory,
            timeZone: app.settings.timeZone,
            municipalities: app.municipalities,
            dryRun: signature.dryRun
        )
        importer.progress = { done, total, file in progress.update(done: done, total: total, label: file) }
        let report = try await importer.run(on: app.db)
        progress.finish()
        for problem in report.problems {
            context.console.output(problem.description.consoleText(problem.severity == .skipped ? .error : .warning))
        }
        context.console.print(report.summary)
    }

    private func importCalendar(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let slug = signature.organisation, !slug.isEmpty else {
            throw Failure(
                description: "Say whose calendar it is: --organisation SLUG (the organisation's address on Samverka).")
        }
        guard let organisation = try await Organisation.find(slug: slug, on: app.db) else {
            throw Failure(description: "No organisation has the address '\(slug)'.")
        }
        guard let language = Language(rawValue: signature.language ?? "sv") else {
            throw Failure(description: "--language must be sv or en.")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: signature.path))
        } catch {
            throw Failure(description: "The file '\(signature.path)' cannot be read.")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw Failure(description: "The file '\(signature.path)' is not text.")
        }
        let importer = CalendarImporter(
            organisation: organisation, timeZone: app.settings.timeZone, language: language,
            municipalities: app.municipalities, dryRun: signature.dryRun)
        let report: CalendarImporter.Report
        do {
            report = try await importer.run(text, on: app.db)
        } catch let error as ICalendarReader.NotICalendar {
            throw Failure(description: "\(signature.path): \(error.description)")
        }
        for line in report.skipped { context.console.output("skipped: \(line)".consoleText(.error)) }
        for line in report.warnings { context.console.output("warning: \(line)".consoleText(.warning)) }
        context.console.print(report.summary)
    }
}
