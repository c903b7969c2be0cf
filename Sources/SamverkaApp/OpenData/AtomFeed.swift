import Fluent
import Foundation
import Vapor

/// An Atom feed (RFC 4287): what is new among events, projects or a programme's activities,
/// for feed readers and for sites that show a network's news.
struct AtomFeed {
    struct Entry {
        /// The page's address, which is also the entry's permanent id.
        let url: String
        let title: String
        let summary: String
        let published: Date
        let updated: Date
        let author: String
        var categories: [String] = []
    }

    let id: String
    let title: String
    let pageURL: String
    let language: Language
    let author: String
    var entries: [Entry]

    var xml: String {
        let updated = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.rawValue)\">",
            "  <id>\(Self.text(id))</id>",
            "  <title>\(Self.text(title))</title>",
            "  <updated>\(Self.date(updated))</updated>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.text(id))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.text(pageURL))\"/>",
            "  <author><name>\(Self.text(author))</name></author>",
            "  <generator>Samverka</generator>",
        ]
        for entry in entries {
            lines += [
                "  <entry>",
                "    <id>\(Self.text(entry.url))</id>",
                "    <title>\(Self.text(entry.title))</title>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.text(entry.url))\"/>",
                "    <published>\(Self.date(entry.published))</published>",
                "    <updated>\(Self.date(entry.updated))</updated>",
                "    <author><name>\(Self.text(entry.author))</name></author>",
            ]
            lines += entry.categories.map { "    <category term=\"\(Self.text($0))\"/>" }
            if !entry.summary.isEmpty { lines.append("    <summary type=\"text\">\(Self.text(entry.summary))</summary>") }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    func response() -> Response {
        let response = Response(status: .ok, body: .init(string: xml))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// Escaped for XML, without the control characters XML 1.0 does not allow.
    static func text(_ value: String) -> String {
        HTMLText.escape(String(value.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }))
    }

    /// RFC 3339 in UTC, "2026-11-23T01:29:34Z".
    static func date(_ date: Date) -> String {
        FormatterStore.shared.format(date, key: "rfc3339-utc") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
            return formatter
        }
    }
}

/// `/events.atom`, `/projects.atom`, `/programmes/{slug}/feed.atom`: the newest 50 items.
struct AtomFeedController: Sendable {
    static let size = 50

    @Sendable func events(request: Request) async throws -> Response {
        let query = Event.query(on: request.db)
        try await LanguagePreference.apply(request.language, to: query, on: request.db)
        let events = try await query.sort(\.$createdAt, .descending).limit(Self.size).all()
        let base = request.application.settings.publicURL
        let dates = request.dates
        return feed(request, route: SiteURL.events(.indexFeed), page: SiteURL.events(.index), title: request.t("events.title"),
                    entries: events.map { event in
                        AtomFeed.Entry(url: base + SiteURL.events(.show(.value(event.slug))).path,
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
        return feed(request, route: SiteURL.projects(.indexFeed), page: SiteURL.projects(.index), title: request.t("nav.projects"),
                    entries: projects.map { project in
                        AtomFeed.Entry(url: base + SiteURL.projects(.show(.value(project.slug))).path, title: project.title,
                                       summary: project.excerpt.isEmpty ? project.ingress : project.excerpt,
                                       published: project.createdAt ?? request.now, updated: project.updatedAt ?? request.now,
                                       author: request.application.settings.siteName, categories: project.tags)
                    })
    }

    /// The programme's activities with the page's filters, the most recently changed first.
    @Sendable func programme(request: Request) async throws -> Response {
        let programme = try await ProgrammeController.find(request)
        let filter = ProgrammeFilter(request: request)
        let selection = try await ProgrammeSelection.make(programme, filter: filter, shows: StatisticsController.mayRead(programme, request: request), request: request)
        let activities = try await selection.activities(on: request.db)
            .sorted { ($0.updatedAt ?? .distantPast) > ($1.updatedAt ?? .distantPast) }.prefix(Self.size)
        let rows = try await ApprovedActivities.rows(for: Array(activities), on: request.db)
        let base = request.application.settings.publicURL
        let dates = request.dates
        let query = filter.query()
        return feed(request, route: SiteURL.programmes(.feed(.value(programme.slug))), query: query,
                    page: SiteURL.programmes(.show(.value(programme.slug))), title: programme.name,
                    entries: rows.map { row in
                        let activity = row.activity
                        return AtomFeed.Entry(url: base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
                                              title: activity.title + (activity.startsAt.map { " (" + dates.dateAndTime($0) + ")" } ?? ""),
                                              summary: activity.summary, published: activity.createdAt ?? request.now,
                                              updated: activity.updatedAt ?? request.now, author: row.organisation.name,
                                              categories: programme.themes.filter { activity.themes.contains($0.key) }.map { $0.name(request.language) })
                    })
    }

    private func feed(_ request: Request, route: SiteURL, query: String = "", page: SiteURL, title: String, entries: [AtomFeed.Entry]) -> Response {
        let base = request.application.settings.publicURL
        return AtomFeed(id: base + route.path + query, title: title + " · " + request.application.settings.siteName,
                        pageURL: base + page.path + query, language: request.language,
                        author: request.application.settings.siteName, entries: entries).response()
    }
}
