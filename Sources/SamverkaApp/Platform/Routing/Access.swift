import Vapor

/// Who may call a route. Every route declares one (a test fails for any that does not), so
/// `routes.swift` alone tells who may do what.
enum Access: String, Sendable {
    /// Anyone, signed in or not.
    case everyone
    /// A signed-in member of any role.
    case member
    /// Moderators and admins: the site's editors.
    case editor
    /// Admins only.
    case admin

    static let userInfoKey = "samverka.access"

    func permits(_ person: SignedIn?) -> Bool {
        switch self {
        case .everyone: true
        case .member: person != nil
        case .editor: person?.role.canEditContent ?? false
        case .admin: person?.role == .admin
        }
    }
}

/// Refuses a request whose member the route's `Access` does not permit: a visitor who is not
/// signed in is sent to the sign-in page (and back afterwards); a member without the role gets 403.
struct AccessMiddleware: AsyncMiddleware {
    let access: Access

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let person = request.signedIn
        guard access.permits(person) else {
            if person == nil, request.method == .GET {
                let back = request.url.path
                return request.redirect(
                    to: SiteURL.signIn.path + "?next="
                        + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
            }
            throw Abort(person == nil ? .unauthorized : .forbidden)
        }
        return try await next.respond(to: request)
    }
}

/// A routes builder that registers each route from its `SiteURL` behind one `Access`.
struct GuardedRoutes {
    let builder: any RoutesBuilder
    let access: Access

    init(_ routes: any RoutesBuilder, _ access: Access) {
        self.access = access
        builder = access == .everyone ? routes : routes.grouped(AccessMiddleware(access: access))
    }

    @discardableResult
    func get(
        _ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        mark(builder.get(url.pathComponents, use: handler))
    }

    /// A public page every visitor without a session sees alike: kept by `PublicPageCacheMiddleware`
    /// until something it could show changes. Not for a page that differs by who asks (a personal
    /// calendar behind a secret address, a health check).
    @discardableResult
    func page(
        _ url: SiteURL, use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        precondition(access == .everyone, "only pages everyone sees alike are kept")
        let route = get(url, use: handler)
        route.userInfo[PublicPageCacheMiddleware.userInfoKey] = true
        return route
    }

    @discardableResult
    func post(
        _ url: SiteURL, body: HTTPBodyStreamStrategy = .collect, limit: RateLimiter.Purpose? = nil,
        use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        let routes = limit.map { builder.grouped(RateLimitMiddleware(purpose: $0)) } ?? builder
        let route = mark(routes.on(.POST, url.pathComponents, body: body, use: handler))
        if case .collect(let maxSize?) = body { route.userInfo[CSRFMiddleware.bodyLimitKey] = maxSize.value }
        return route
    }

    @discardableResult
    func get(
        _ path: [PathComponent], use handler: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        mark(builder.get(path, use: handler))
    }

    private func mark(_ route: Route) -> Route {
        route.userInfo[Access.userInfoKey] = access
        return route
    }
}

extension Request {
    /// Whether the signed-in person may edit the site's content, to show edit links.
    var canEditContent: Bool { signedIn?.role.canEditContent ?? false }
}
