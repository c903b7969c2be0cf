import Foundation
import Vapor

/// `GET /uploads/...`: images and files imported or uploaded, served from the data folder.
///
/// Not a `FileMiddleware` over `data/`, which would also serve the database file: only the
/// `uploads` folder is reachable, and no path may climb out of it. Only the kinds in
/// `UploadTypes` are served, each with its own type and `Content-Security-Policy: sandbox`, so
/// an SVG or PDF opened on its own runs no script with the site's rights.
struct UploadController: Sendable {
    @Sendable func serve(request: Request) async throws -> Response {
        let parts = request.parameters.getCatchall()
        guard !parts.isEmpty,
            !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("\\") }),
            let type = parts.last.flatMap(UploadTypes.mediaType(forFileName:))
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
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentSecurityPolicy, value: "sandbox")
        response.headers.replaceOrAdd(name: .xContentTypeOptions, value: "nosniff")
        return response
    }
}
