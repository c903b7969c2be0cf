import Vapor

/// Guards every state-changing request with a per-session token (synchroniser token pattern).
///
/// Pages put `csrf` into each form as the hidden field `_csrf`; a POST whose field does not
/// match the session's token is refused with 403 before any handler runs.
///
/// Reading the token means reading the body, so the body is read only as far as the matched
/// route allows (small for ordinary forms, the upload limit on upload routes), and not at all
/// for a request that will be refused anyway: one without a session token, or one the route's
/// guard turns away.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"
    /// The largest body any form sends: content forms with an image.
    static let maximumBodyBytes = 6 * 1024 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch request.method {
        case .GET, .HEAD, .OPTIONS:
            return try await next.respond(to: request)
        default:
            guard let expected = request.session.data[Self.sessionKey] else { throw Abort(.forbidden, reason: "csrf") }
            // The route's guard answers before a byte of the body is read.
            if let access = request.route?.userInfo[Access.userInfoKey] as? Access, !access.permits(request.signedIn) {
                return try await next.respond(to: request)
            }
            let limit = Self.bodyLimit(request)
            if let body = request.body.data {
                // A small body may arrive whole before any middleware runs.
                guard body.readableBytes <= limit else { throw Abort(.payloadTooLarge) }
            } else {
                _ = try await request.body.collect(max: limit).get()
            }
            let sent = try? request.content.get(String.self, at: Self.fieldName)
            guard let sent, Secrets.constantTimeEquals(sent, expected) else {
                throw Abort(.forbidden, reason: "csrf")
            }
            return try await next.respond(to: request)
        }
    }

    /// Where the route table notes a route's own body limit (Vapor's `Route` keeps it hidden
    /// inside its responder).
    static let bodyLimitKey = "samverka.bodyLimit"

    /// The matched route's own limit; routes without one get the application's default.
    static func bodyLimit(_ request: Request) -> Int {
        (request.route?.userInfo[Self.bodyLimitKey] as? Int) ?? request.application.routes.defaultMaxBodySize.value
    }
}

extension Request {
    /// This session's form token, created on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        if session.data[SessionStamp.beganKey] == nil {
            session.data[SessionStamp.beganKey] = String(Int(now.timeIntervalSince1970))
        }
        let token = Secrets.urlSafe(bytes: 32)
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}

/// When a session began, so the nightly purge can forget visitors' sessions.
enum SessionStamp {
    static let beganKey = "began_at"
}
