import Vapor

/// Turns errors into pages in the reader's language: 404, 403, 500 and the rest. Details of
/// server errors go to the log, never to the page.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct ErrorPage: Encodable {
        let layout: LayoutContext
        let heading: String
        let message: String
        let status: Int
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status = (error as? any AbortError)?.status ?? .internalServerError
            // A full queue (503) is the server protecting itself, not a fault.
            if status.code >= 500 && status != .serviceUnavailable {
                request.logger.report(error: error)
            }
            let response = await page(
                for: status, request: request, detail: status.code < 500 ? (error as? any AbortError)?.reason : nil)
            // Keep what the error says about retrying (Retry-After on 429 and 503) and, on 405, what is allowed.
            for name in [HTTPHeaders.Name.retryAfter, .allow] {
                if let value = (error as? any AbortError)?.headers.first(name: name) {
                    response.headers.replaceOrAdd(name: name, value: value)
                }
            }
            return response
        }
    }

    private func page(for status: HTTPStatus, request: Request, detail: String?) async -> Response {
        let key: String
        switch status {
        case .notFound: key = "not_found"
        case .forbidden: key = "forbidden"
        case .unauthorized: key = "unauthorized"
        case .tooManyRequests: key = "too_many_requests"
        case .serviceUnavailable: key = "busy"
        case _ where status.code < 500: key = "bad_request"
        default: key = "server"
        }
        if request.url.path.hasPrefix("/api/") || request.url.path == SiteURL.healthz.path {
            // RFC 9457: what went wrong, and for a client's mistake, what exactly.
            var problem: [String: Any] = [
                "status": Int(status.code), "title": status.reasonPhrase, "type": "about:blank",
            ]
            if let detail, detail != status.reasonPhrase { problem["detail"] = detail }
            let body = (try? JSONSerialization.data(withJSONObject: problem, options: [.sortedKeys])) ?? Data()
            return Response(
                status: status, headers: ["Content-Type": "application/problem+json"], body: .init(data: body))
        }
        let heading = request.t("error.page.\(key).title")
        let context = ErrorPage(
            layout: request.layout(title: heading, section: .none),
            heading: heading,
            message: request.t("error.page.\(key).message"),
            status: Int(status.code)
        )
        do {
            return try await request.render("Shared/error", context, status: status)
        } catch {
            request.logger.report(error: error)
            return Response(
                status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
                body: .init(string: "\(status.code) \(status.reasonPhrase)"))
        }
    }
}
