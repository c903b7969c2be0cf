import Foundation
import Vapor

/// Times every request from its arrival to its answer, error pages included.
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let metrics = request.application.metrics
        let started = ContinuousClock.now
        metrics.requestsInFlight.increment()
        defer { metrics.requestsInFlight.decrement() }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            metrics.answered(
                route: Self.pattern(request), method: request.method.rawValue,
                status: (error as? any AbortError)?.status.code ?? 500, after: ContinuousClock.now - started)
            throw error
        }
        metrics.answered(
            route: Self.pattern(request), method: request.method.rawValue, status: response.status.code,
            after: ContinuousClock.now - started)
        return response
    }

    /// The route's pattern (`/events/:slug`), never the address itself, so the number of series
    /// stays bounded whatever is asked; files and unknown addresses share one.
    static func pattern(_ request: Request) -> String {
        guard let route = request.route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}

/// `/metrics`: from this machine (loopback, not through a proxy) or with the token set in
/// `SAMVERKA_METRICS_TOKEN` as `Authorization: Bearer …`; everyone else gets 404.
struct MetricsController: Sendable {
    @Sendable func scrape(request: Request) async throws -> Response {
        guard Self.mayRead(request) else { throw Abort(.notFound) }
        let text = await request.application.metrics.scrape(request.application)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static func mayRead(_ request: Request) -> Bool {
        if let token = request.application.settings.metricsToken, let sent = request.headers.bearerAuthorization {
            return Secrets.constantTimeEquals(sent.token, token)
        }
        // Behind a proxy every request comes from loopback, so only the token will do.
        guard !request.application.settings.behindProxy, let address = request.remoteAddress?.ipAddress else {
            return false
        }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
