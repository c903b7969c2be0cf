import Vapor

/// What a signed-in member is shown may depend on who they are (a reviewer sees a programme's
/// activities before its release, an organiser their drafts), so no answer to a member may be
/// kept by a shared cache or offered to the next person: anything that would be public becomes
/// `private, no-store`, and the rest at least `private`.
struct PrivateResponsesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard request.signedIn != nil else { return response }
        let cache = response.headers.first(name: .cacheControl) ?? ""
        if cache.isEmpty {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private")
        } else if cache.contains("public") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
            response.headers.remove(name: .eTag)
        }
        return response
    }
}
