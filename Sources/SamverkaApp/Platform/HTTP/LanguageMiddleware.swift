import Vapor

/// Decides the language of each request and remembers a choice.
///
/// Order: `?lang=` (the switcher's links, which also sets the cookie), the `lang` cookie, the
/// signed-in member's preference, the browser's `Accept-Language`, then Swedish.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let chosen = (try? request.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:))
        let language =
            chosen
            ?? request.cookies[Self.cookieName].flatMap { Language(rawValue: $0.string) }
            ?? request.signedIn.flatMap { Language(rawValue: $0.language) }
            ?? Language.preferred(acceptLanguage: request.headers.first(name: .acceptLanguage))
            ?? .sv
        request.language = language
        let response = try await next.respond(to: request)
        if let chosen {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: chosen.rawValue,
                maxAge: 60 * 60 * 24 * 365,
                path: "/",
                isSecure: request.application.settings.secureCookies,
                isHTTPOnly: true,
                sameSite: .lax
            )
        }
        return response
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// The interface language of this request; Swedish until the middleware has decided.
    var language: Language {
        get { storage[LanguageKey.self] ?? .sv }
        set { storage[LanguageKey.self] = newValue }
    }
}
