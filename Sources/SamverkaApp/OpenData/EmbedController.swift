import Fluent
import Vapor

/// Small pages for other sites to show in an iframe: the coming events, or a programme with the
/// same filters as its page. No header, no forms, links open the full page in a new tab; unlike
/// every other page, any site may frame them.
struct EmbedController: Sendable {
    /// How many items an embed shows; the link at the bottom leads to the rest.
    static let size = 50

    @Sendable func events(request: Request) async throws -> Response {
        let upcoming = try await EventQueries.upcoming(
            now: request.now, calendar: request.application.calendar, language: request.language, on: request.db)
        return try await render(
            request,
            EmbedPage(
                lang: request.language.rawValue, title: request.t("events.title"),
                listHeading: request.t("events.upcoming"),
                events: upcoming.prefix(Self.size).map { EventCard($0.event, occurrence: $0.next, request: request) },
                activities: [],
                more: request.t("embed.all_events"),
                moreHref: request.application.settings.publicURL + SiteURL.events(.index).path
            ))
    }

    @Sendable func programme(request: Request) async throws -> Response {
        let (programme, filter, selection) = try await ProgrammeLookup.selection(request)
        let cards =
            selection.index.map { index in
                selection.matching.prefix(Self.size).map {
                    ActivityCard(index.entries[$0], programme: programme, request: request)
                }
            } ?? []
        return try await render(
            request,
            EmbedPage(
                lang: request.language.rawValue, title: programme.name,
                listHeading: request.t(
                    "programme.result_count", count: selection.index?.ids.count ?? 0,
                    ["count": "\(selection.matching.count)", "total": "\(selection.index?.ids.count ?? 0)"]),
                events: [], activities: cards,
                more: request.t("embed.all_activities", count: selection.matching.count),
                moreHref: request.application.settings.publicURL
                    + SiteURL.programmes(.show(.value(programme.slug))).path + filter.query()
            ))
    }

    private func render(_ request: Request, _ page: EmbedPage) async throws -> Response {
        let response = try await request.render("Shared/embed", page)
        // Its own policy: same-origin resources only, but any site may frame it.
        response.headers.replaceOrAdd(
            name: .contentSecurityPolicy,
            value: SecurityHeadersMiddleware.contentSecurityPolicy.replacingOccurrences(
                of: "frame-ancestors 'none'", with: "frame-ancestors *"))
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }
}
