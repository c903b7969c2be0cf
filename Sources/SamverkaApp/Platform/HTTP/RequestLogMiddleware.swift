import Vapor

/// Logs each request's method and path, with the secret in a personal link (a `:token`
/// parameter: registrations, calendars, account links) replaced by its name, so that logs,
/// which many people read and keep, never hold a working link.
struct RequestLogMiddleware: AsyncMiddleware {
    static let secretParameters: Set<String> = ["token"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger.info("\(request.method) \(Self.loggedPath(request))")
        return try await next.respond(to: request)
    }

    static func loggedPath(_ request: Request) -> String {
        let segments = request.url.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let pattern = request.route?.path else { return request.url.path }
        // segments[0] is the empty string before the first slash.
        var shown = segments
        for (index, component) in pattern.enumerated() where index + 1 < shown.count {
            if case .parameter(let name) = component, secretParameters.contains(name) { shown[index + 1] = ":" + name }
        }
        return shown.joined(separator: "/")
    }
}
