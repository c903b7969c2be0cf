import Vapor

/// Adds the security headers every response carries, error pages included.
///
/// The CSP allows only same-origin resources and no inline script at all, so an injection that
/// slipped past the Markdown renderer still could not run.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(HTTPHeaders.Name, String)] = [
            (.contentSecurityPolicy, Self.contentSecurityPolicy),
            (.xContentTypeOptions, "nosniff"),
            (HTTPHeaders.Name("Referrer-Policy"), "strict-origin-when-cross-origin"),
            (.xFrameOptions, "DENY"),
            (HTTPHeaders.Name("Permissions-Policy"), "camera=(), microphone=(), geolocation=()"),
            (HTTPHeaders.Name("Cross-Origin-Opener-Policy"), "same-origin"),
        ]
        // A response with a policy of its own (an embed) decides its framing there.
        let ownPolicy = response.headers.contains(name: .contentSecurityPolicy)
        for (name, value) in headers
        where !response.headers.contains(name: name) && !(ownPolicy && name == .xFrameOptions) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }
}
