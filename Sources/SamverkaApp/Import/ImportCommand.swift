import Foundation
import Vapor

/// `samverka import jekyll PATH [--dry-run]`: brings an old Jekyll site in.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "format", help: "What to import: jekyll")
        var format: String

        @Argument(name: "path", help: "The site's folder")
        var path: String

        @Flag(name: "dry-run", help: "Read and report, change nothing")
        var dryRun: Bool
    }

    var help: String { "Imports a Jekyll site (events, projects, local groups, uploads)." }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.format == "jekyll" else {
            throw Failure(description: "Unknown format '\(signature.format)'; Samverka imports: jekyll.")
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
}
