import Vapor

/// How long a signed-in session lasts: it ends after `sessionIdleTimeout` without a request,
/// `sessionLifetime` after signing in however busy, and at once when the member signed out
/// everywhere or set a new password after it began (the account's session generation moved on). Checked on every request, so an expired
/// session is a visitor again before any handler runs.
struct SignInSessionPolicy: AsyncMiddleware {
    static let signedInKey = "signed_in_at"
    static let seenKey = "seen_at"
    static let generationKey = "generation"
    /// The last-seen time is written at most this often, not on every request.
    static let seenResolution: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let member = request.auth.get(Member.self) else { return try await next.respond(to: request) }
        let now = request.now
        let settings = request.application.settings
        let signedIn = Self.time(request.session.data[Self.signedInKey])
        let seen = Self.time(request.session.data[Self.seenKey]) ?? signedIn
        let over: Bool
        if let signedIn, let seen {
            over =
                now.timeIntervalSince(seen) > settings.sessionIdleTimeout
                || now.timeIntervalSince(signedIn) > settings.sessionLifetime
                || request.session.data[Self.generationKey] != String(member.sessionGeneration)
                || member.suspendedAt != nil
        } else {
            over = true
        }
        guard !over else {
            request.auth.logout(Member.self)
            request.session.destroy()
            return try await next.respond(to: request)
        }
        if let seen, now.timeIntervalSince(seen) >= Self.seenResolution {
            request.session.data[Self.seenKey] = Self.text(now)
        }
        return try await next.respond(to: request)
    }

    /// Marks the session as signed in now, with a fresh form token: called right after the
    /// session id is renewed at sign-in.
    static func begin(_ request: Request, member: Member) {
        let now = text(request.now)
        request.session.data[generationKey] = String(member.sessionGeneration)
        request.session.data[signedInKey] = now
        request.session.data[seenKey] = now
        request.session.data[CSRFMiddleware.sessionKey] = nil
    }

    /// Times in session data are seconds since 1970, as text.
    static func time(_ text: String?) -> Date? {
        text.flatMap(Double.init).map(Date.init(timeIntervalSince1970:))
    }

    static func text(_ date: Date) -> String {
        String(format: "%.6f", date.timeIntervalSince1970)
    }
}

extension Request {
    /// Signs `member` in on a new session id (an id planted before sign-in never becomes a
    /// signed-in session) with its clock started and a fresh form token.
    func signIn(_ member: Member) async throws {
        try await renewSessionID()
        auth.login(member)
        SignInSessionPolicy.begin(self, member: member)
    }
}
