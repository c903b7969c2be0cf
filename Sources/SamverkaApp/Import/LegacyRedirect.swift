import Fluent
import Vapor

/// An address of an older site that now lives elsewhere in Samverka, answered with 301.
/// It points at the content, not at a path, so the redirect follows a later change of slug.
final class LegacyRedirect: Model, @unchecked Sendable {
    static let schema = "legacy_redirects"

    enum Target: String, Codable, Sendable {
        case event, project, group
    }

    @ID var id: UUID?
    /// Normalised: a leading slash, no trailing slash, no query.
    @Field(key: "path") var path: String
    @Field(key: "target_kind") var targetKind: Target
    @Field(key: "target_id") var targetID: UUID

    init() {}

    init(path: String, target: Target, id: UUID) {
        self.path = Self.normalise(path)
        targetKind = target
        targetID = id
    }

    static func normalise(_ path: String) -> String {
        var trimmed = path.trimmingCharacters(in: .whitespaces)
        if let query = trimmed.firstIndex(of: "?") { trimmed = String(trimmed[..<query]) }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if !trimmed.hasPrefix("/") { trimmed = "/" + trimmed }
        return trimmed.removingPercentEncoding ?? trimmed
    }
}

struct CreateLegacyRedirect: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("legacy_redirects")
            .id()
            .field("path", .string, .required)
            .field("target_kind", .string, .required)
            .field("target_id", .uuid, .required)
            .unique(on: "path")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("legacy_redirects").delete()
    }
}

/// Answers every address no route claims: an old address with a 301 to where its content
/// lives now, anything else with the 404 page.
struct LegacyRedirectController: Sendable {
    @Sendable func resolve(request: Request) async throws -> Response {
        let path = LegacyRedirect.normalise(request.url.path)
        guard let redirect = try await LegacyRedirect.query(on: request.db).filter(\.$path == path).first(),
              let target = try await currentPath(of: redirect, on: request.db)
        else {
            throw Abort(.notFound)
        }
        return request.redirect(to: target, redirectType: .permanent)
    }

    private func currentPath(of redirect: LegacyRedirect, on database: any Database) async throws -> String? {
        switch redirect.targetKind {
        case .event: try await Event.find(redirect.targetID, on: database)?.showURL.path
        case .project: try await Project.find(redirect.targetID, on: database)?.showURL.path
        case .group: try await LocalGroup.find(redirect.targetID, on: database)?.showURL.path
        }
    }
}
