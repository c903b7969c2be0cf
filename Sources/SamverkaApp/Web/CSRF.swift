import Vapor

/// Guards every state-changing request with a per-session token (synchroniser token pattern).
///
/// Pages put `csrf` into each form as the hidden field `_csrf`; a POST whose field does not
/// match the session's token is refused with 403 before any handler runs.
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
            // A larger body (a form with an image) still streams when middleware runs; gather
            // it first so the token can be read. Routes then apply their own, smaller limits.
            if request.body.data == nil {
                _ = try await request.body.collect(max: Self.maximumBodyBytes).get()
            }
            let sent = try? request.content.get(String.self, at: Self.fieldName)
            guard let expected = request.session.data[Self.sessionKey], let sent,
                  constantTimeEquals(sent, expected)
            else {
                throw Abort(.forbidden, reason: "csrf")
            }
            return try await next.respond(to: request)
        }
    }

    private func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    /// This session's form token, created on first use.
    var csrfToken: String {
        if let token = session.data[CSRFMiddleware.sessionKey] { return token }
        let token = [UInt8].random(count: 32).base64
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
        session.data[CSRFMiddleware.sessionKey] = token
        return token
    }
}
