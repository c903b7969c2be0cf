import Fluent
import Vapor

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
