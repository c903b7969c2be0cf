import Fluent
import Foundation
import Vapor

/// `/events.atom`, `/projects.atom`, `/programmes/{slug}/feed.atom`: the newest 50 items.
struct AtomFeedController: Sendable {
    static let size = 50

    @Sendable func events(request: Request) async throws -> Response {
        let query = Event.query(on: request.db)
        try await LanguagePreference.apply(request.language, to: query, on: request.db)
        let events = try await query.sort(\.$createdAt, .descending).limit(Self.size).all()
        let base = request.application.settings.publicURL
        let dates = request.dates
        return feed(
            request, route: SiteURL.events(.indexFeed), page: SiteURL.events(.index), title: request.t("events.title"),
            entries: events.map { event in
                AtomFeed.Entry(
                    url: base + SiteURL.events(.show(.value(event.slug))).path,
                    title: event.title + " (" + dates.dateAndTime(event.startsAt) + ")",
                    summary: event.excerpt.isEmpty ? event.ingress : event.excerpt,
                    published: event.createdAt ?? event.startsAt, updated: event.updatedAt ?? event.startsAt,
                    author: request.application.settings.siteName)
            })
    }

    @Sendable func projects(request: Request) async throws -> Response {
        let query = Project.query(on: request.db)
        try await LanguagePreference.apply(request.language, to: query, on: request.db)
        let projects = try await query.sort(\.$createdAt, .descending).limit(Self.size).all()
        let base = request.application.settings.publicURL
        return feed(
            request, route: SiteURL.projects(.indexFeed), page: SiteURL.projects(.index),
            title: request.t("nav.projects"),
            entries: projects.map { project in
                AtomFeed.Entry(
                    url: base + SiteURL.projects(.show(.value(project.slug))).path, title: project.title,
                    summary: project.excerpt.isEmpty ? project.ingress : project.excerpt,
                    published: project.createdAt ?? request.now, updated: project.updatedAt ?? request.now,
                    author: request.application.settings.siteName, categories: project.tags)
            })
    }

    /// The programme's activities with the page's filters, the most recently changed first.
    @Sendable func programme(request: Request) async throws -> Response {
        let (programme, filter, selection) = try await ProgrammeLookup.selection(request)
        let activities = try await selection.activities(on: request.db)
            .sorted { ($0.updatedAt ?? .distantPast) > ($1.updatedAt ?? .distantPast) }.prefix(Self.size)
        let rows = try await ApprovedActivities.rows(for: Array(activities), on: request.db)
        let base = request.application.settings.publicURL
        let dates = request.dates
        let query = filter.query()
        return feed(
            request, route: SiteURL.programmes(.feed(.value(programme.slug))), query: query,
            page: SiteURL.programmes(.show(.value(programme.slug))), title: programme.name,
            entries: rows.map { row in
                let activity = row.activity
                return AtomFeed.Entry(
                    url: base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
                    title: activity.title + (activity.startsAt.map { " (" + dates.dateAndTime($0) + ")" } ?? ""),
                    summary: activity.summary, published: activity.createdAt ?? request.now,
                    updated: activity.updatedAt ?? request.now, author: row.organisation.name,
                    categories: programme.themes.filter { activity.themes.contains($0.key) }.map {
                        $0.name(request.language)
                    })
            })
    }

    private func feed(
        _ request: Request, route: SiteURL, query: String = "", page: SiteURL, title: String, entries: [AtomFeed.Entry]
    ) -> Response {
        let base = request.application.settings.publicURL
        return AtomFeed(
            id: base + route.path + query, title: title + " · " + request.application.settings.siteName,
            pageURL: base + page.path + query, language: request.language,
            author: request.application.settings.siteName, entries: entries, selfURL: base + request.url.string
        ).response()
    }
}
