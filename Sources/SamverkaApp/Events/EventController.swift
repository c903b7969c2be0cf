import Fluent
import Vapor

/// The public event pages.
struct EventController: Sendable {
    @Sendable func index(request: Request) async throws -> Response {
        let now = request.now
        let page = Pagination.requestedPage(request)
        let calendar = request.application.calendar
        async let upcoming = EventQueries.upcoming(
            now: now, calendar: calendar, language: request.language, on: request.db)
        async let past = EventQueries.past(
            now: now, language: request.language, page: page, pageSize: Pagination.pageSize, on: request.db)
        let (coming, been) = try await (upcoming, past)
        let heading = request.t("events.title")
        let context = EventIndexPage(
            layout: request.layout(title: heading, section: .events, description: request.t("events.description"))
                .with(
                    feeds: request.feeds(calendar: .events(.indexCalendar), atom: .events(.indexFeed))
                        + request.downloads(csv: .events(.indexCSV)),
                    embedCode: EmbedSnippet.code(request, embed: .embedEvents, query: "", title: heading)),
            heading: heading,
            upcoming: coming.map { EventCard($0.event, occurrence: $0.next, request: request) },
            past: been.events.map { EventCard($0, request: request) },
            pagination: try Pagination(
                page: page, total: been.total, basePath: SiteURL.events(.index).path, request: request),
            newHref: try await EventAccess.of(request).canCreate ? SiteURL.events(.new).path : nil
        )
        return try await request.render("Events/index", context)
    }

    /// `/events.csv`: every event in the reader's language (each once), newest first.
    @Sendable func csv(request: Request) async throws -> Response {
        let query = Event.query(on: request.db)
        try await LanguagePreference.apply(request.language, to: query, on: request.db)
        let events = try await query.sort(\.$startsAt, .descending).all()
        let dates = request.dates
        let municipalities = request.application.municipalities
        let base = request.application.settings.publicURL
        var table = CSVTable(
            columns: [
                "title", "starts_at", "ends_at", "time_description", "repeats", "repeats_until", "format",
                "format_code",
                "status", "status_code", "place", "address", "municipality", "municipality_code", "online_url",
                "language", "language_code", "url",
            ], request: request)
        for event in events {
            table.append([
                event.title, dates.spreadsheet(event.startsAt), event.endsAt.map(dates.spreadsheet) ?? "",
                event.dateDescription,
                event.recurrence == .weekly ? request.t("csv.weekly") : "",
                event.recurrenceUntil.map(dates.spreadsheet) ?? "",
                request.t("format.\(event.format.rawValue)"), event.format.rawValue,
                request.t("status.\(event.status.rawValue)"), event.status.rawValue, event.placeName, event.address,
                event.municipalityCode.flatMap { municipalities[$0]?.name } ?? "", event.municipalityCode ?? "",
                event.onlineURL ?? "",
                request.t("language.\(event.language.rawValue)"), event.language.rawValue,
                base + SiteURL.events(.show(.value(event.slug))).path,
            ])
        }
        return table.response(filename: "events")
    }

    @Sendable func show(request: Request) async throws -> Response {
        // An unpublished event is still there for its owners and the staff, with the reason.
        guard let slug = request.parameters.get("slug"),
            let event = try await Event.find(slug: slug, includingUnpublished: true, on: request.db)
        else { throw Abort(.notFound) }
        let access = try await EventAccess.of(request)
        let mayEdit = try await access.canEdit(event, on: request.db)
        let unpublished = event.isUnpublished
        if unpublished && !mayEdit { throw Abort(.notFound) }
        async let translation = event.translation(on: request.db)
        async let group = event.$localGroup.get(on: request.db)
        async let organisations = event.$organisations.query(on: request.db).sort(\.$name).all()
        let (partner, localGroup, organisers) = try await (translation, group, organisations)

        let detail = EventShowPage.Detail(
            event, localGroup: localGroup, organisers: organisers, translation: partner, request: request)
        let context = EventShowPage(
            layout: request.layout(
                title: event.title, section: .events, description: ContentText.clean(event.excerpt),
                translation: partner?.translationTarget
            ).with(
                feeds: unpublished ? [] : request.feeds(calendar: .events(.calendar(.value(event.slug)))),
                structuredData: request.structuredData.event(
                    event, organisers: organisers, siteName: request.application.settings.siteName)),
            event: detail,
            editHref: mayEdit ? Event.url(.edit(.value(event.slug))).path : nil,
            panels: unpublished ? .none : try await request.panels(for: event),
            publication: mayEdit
                ? EventShowPage.Publication(
                    unpublishedReason: unpublished ? (event.unpublishedReason ?? "") : nil,
                    unpublishAction: access.isStaff && !unpublished
                        ? Event.url(.unpublish(.value(event.slug))).path : nil,
                    republishAction: access.isStaff && unpublished
                        ? Event.url(.republish(.value(event.slug))).path : nil,
                    csrf: request.csrfToken
                ) : nil
        )
        return try await request.render("Events/show", context)
    }
}
