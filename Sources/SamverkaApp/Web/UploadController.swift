import Foundation
import Vapor

/// `GET /uploads/...`: images and files imported or uploaded, served from the data folder.
///
/// Not a `FileMiddleware` over `data/`, which would also serve the database file: only the
/// `uploads` folder is reachable, and no path may climb out of it.
struct UploadController: Sendable {
    @Sendable func serve(request: Request) async throws -> Response {
        let parts = request.parameters.getCatchall()
        guard !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("\\") })
        else {
            throw Abort(.notFound)
        }
        let root = request.application.settings.uploadsDirectory
        let path = root + "/" + parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Abort(.notFound)
        }
        let response = try await request.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }
}
