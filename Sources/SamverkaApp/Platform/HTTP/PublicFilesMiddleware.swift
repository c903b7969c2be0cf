import Foundation
import Vapor

/// Serves the files in `Public/` — but only asks the file system about addresses that can be
/// one of them. Vapor's `FileMiddleware` looks up every request on disk through the thread
/// pool; for page requests that is pure overhead, so the top-level names of `Public/` are read
/// once at start and everything else goes straight to the routes.
struct PublicFilesMiddleware: AsyncMiddleware {
    private let files: FileMiddleware
    private let topLevelNames: Set<String>

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? []
        topLevelNames = Set(names.filter { !$0.hasPrefix(".") })
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let first = request.url.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first
        guard let first, topLevelNames.contains(String(first)) else {
            return try await next.respond(to: request)
        }
        return try await files.respond(to: request, chainingTo: next)
    }
}
