import Fluent
import Vapor

/// `/api/v1`: the public data as JSON, read only. Lists page by cursor; the programme's
/// activities take exactly the filters of its page. Nothing here needs an account, and nothing
/// here shows what the public pages do not.
struct APIController: Sendable {
    // MARK: Events

    @Sendable func events(request: Request) async throws -> Response {
        let window = try APIResponse.Window(request)
        let query = Event.query(on: request.db)
        if let language = try Self.language(request) {
            query.filter(\.$language == language)
        }
        let all = try await query.sort(\.$startsAt, .descending).sort(\.$slug).all()
        let shown = Array(all[window.range(of: all.count)])
        let links = try await Self.organisationLinks(of: shown, on: request.db)
        return try APIResponse.json(
            window.page(shown.map { event(request, $0, organisations: links[$0.id!] ?? []) }, total: all.count),
            request: request)
    }

    @Sendable func event(request: Request) async throws -> Response {
        let found = try await Event.find(slugIn: request)
        let links = try await Self.organisationLinks(of: [found], on: request.db)
        return try APIResponse.json(event(request, found, organisations: links[found.id!] ?? []), request: request)
    }

    // MARK: Programmes and activities

    @Sendable func programmes(request: Request) async throws -> Response {
        let window = try APIResponse.Window(request)
        let all = try await Programme.query(on: request.db).sort(\.$firstDay, .descending).sort(\.$slug).all()
        return try APIResponse.json(window.page(all.map { programme(request, $0) }), request: request)
    }

    @Sendable func programme(request: Request) async throws -> Response {
        try APIResponse.json(programme(request, try await ProgrammeLookup.edition(request)), request: request)
    }

    /// The approved activities, with the programme page's filters; none before the release date.
    @Sendable func activities(request: Request) async throws -> Response {
        let window = try APIResponse.Window(request)
        let programme = try await ProgrammeLookup.edition(request)
        let filter = ProgrammeFilter(request: request)
        try Self.validate(filter, programme: programme, request: request)
        let selection = try await ProgrammeSelection.make(programme, filter: filter, request: request)
        let rows = try await selection.rows(in: window.range(of: selection.matching.count), on: request.db)
        return try APIResponse.json(
            window.page(rows.map { activity(request, $0, programme: programme) }, total: selection.matching.count),
            request: request)
    }

    @Sendable func activity(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        guard let text = request.parameters.get("activity"), let id = UUID(uuidString: text),
            let found = try await Activity.find(id, on: request.db), found.$programme.id == programme.id,
            found.status == .approved, ProgrammeLookup.showsActivities(programme, to: request)
        else { throw Abort(.notFound) }
        guard let row = try await ApprovedActivities.rows(for: [found], on: request.db).first else {
            throw Abort(.notFound)
        }
        return try APIResponse.json(activity(request, row, programme: programme), request: request)
    }

    @Sendable func statistics(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        let figures = try await ProgrammeStatistics.of(programme, request: request)
        func counts(_ list: [ProgrammeStatistics.Count]) -> [API.Count] {
            list.map { API.Count(key: $0.key, label: $0.label, count: $0.count) }
        }
        return try APIResponse.json(
            API.Statistics(
                programme: programme.slug, activities: figures.activities, organisations: figures.organisations,
                municipalitiesReached: figures.municipalitiesReached, municipalitiesTotal: figures.municipalitiesTotal,
                formats: counts(figures.formats), sectors: counts(figures.sectors), regions: counts(figures.regions),
                themes: counts(figures.themes), days: counts(figures.days)
            ), request: request)
    }

    // MARK: Organisations, projects, local groups

    @Sendable func organisations(request: Request) async throws -> Response {
        let window = try APIResponse.Window(request)
        if let sector = try? request.query.get(String.self, at: "sector"), !sector.isEmpty,
            Sector(rawValue: sector) == nil
        {
            throw Abort(
                .badRequest, reason: "sector must be one of: " + Sector.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        let selection = try await OrganisationController.Selection.make(request)
        return try APIResponse.json(
            window.page(selection.organisations.map { organisation(request, $0) }), request: request)
    }

    @Sendable func organisation(request: Request) async throws -> Response {
        try APIResponse.json(organisation(request, try await Organisation.find(slugIn: request)), request: request)
    }

    @Sendable func projects(request: Request) async throws -> Response {
        let window = try APIResponse.Window(request)
        let query = Project.query(on: request.db)
        if let language = try Self.language(request) { query.filter(\.$language == language) }
        let all = try await query.sort(\.$title).sort(\.$slug).all()
        return try APIResponse.json(window.page(all.map { project(request, $0) }), request: request)
    }

    @Sendable func project(request: Request) async throws -> Response {
        try APIResponse.json(project(request, try await Project.find(slugIn: request)), request: request)
    }

    @Sendable func groups(request: Request) async throws -> Response {
        let window = try APIResponse.Window(request)
        let query = LocalGroup.query(on: request.db)
        if let language = try Self.language(request) { query.filter(\.$language == language) }
        let all = try await query.sort(\.$title).sort(\.$slug).all()
        return try APIResponse.json(window.page(all.map { group(request, $0) }), request: request)
    }

    @Sendable func group(request: Request) async throws -> Response {
        try APIResponse.json(group(request, try await LocalGroup.find(slugIn: request)), request: request)
    }

    /// The API's description, OpenAPI 3.1.
    @Sendable func openAPI(request: Request) async throws -> Response {
        let path = request.application.directory.resourcesDirectory + "API/openapi.json"
        let template = try String(contentsOfFile: path, encoding: .utf8)
        let document = template.replacingOccurrences(of: "{{server}}", with: request.application.settings.publicURL)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }

    // MARK: Representations

    private func event(_ request: Request, _ event: Event, organisations: [API.Link]) -> API.Event {
        let base = request.application.settings.publicURL
        let municipality = event.municipalityCode.flatMap { request.application.municipalities[$0] }
        return API.Event(
            slug: event.slug, url: base + SiteURL.events(.show(.value(event.slug))).path, title: event.title,
            language: event.language.rawValue,
            excerpt: event.excerpt, startsAt: event.startsAt, endsAt: event.endsAt,
            timeDescription: event.dateDescription,
            repeats: event.recurrence == .weekly ? "weekly" : nil,
            repeatsUntil: event.recurrence == .weekly ? event.recurrenceUntil : nil,
            format: event.format.rawValue, status: event.status.rawValue, placeName: event.placeName,
            address: event.address,
            municipalityCode: municipality?.code, municipality: municipality?.name,
            onlineUrl: SafeURL.href(event.onlineURL),
            calendarUrl: base + SiteURL.events(.calendar(.value(event.slug))).path, organisations: organisations
        )
    }

    private func programme(_ request: Request, _ programme: Programme) -> API.Programme {
        let base = request.application.settings.publicURL
        let slug = Parameter<String>.value(programme.slug)
        let day = { (date: Date) in String(request.dates.machine(date).prefix(10)) }
        return API.Programme(
            slug: programme.slug, url: base + SiteURL.programmes(.show(slug)).path, name: programme.name,
            description: programme.description,
            firstDay: day(programme.firstDay), lastDay: day(programme.lastDay), publicFrom: programme.publicFrom,
            isPublic: programme.isPublic(at: request.now),
            themes: programme.themes.map { API.Term(key: $0.key, sv: $0.sv, en: $0.en) },
            targetGroups: programme.targetGroups.map { API.Term(key: $0.key, sv: $0.sv, en: $0.en) },
            activitiesUrl: base + SiteURL.api(.activities(slug)).path,
            calendarUrl: base + SiteURL.programmes(.calendar(slug)).path,
            csvUrl: base + SiteURL.programmes(.csv(slug)).path
        )
    }

    private func activity(_ request: Request, _ row: ApprovedActivities.Row, programme: Programme) -> API.Activity {
        let activity = row.activity
        let organisers = ([row.organisation] + row.partners).map {
            API.Organiser(slug: $0.slug, name: $0.name, sector: $0.sector.rawValue)
        }
        let base = request.application.settings.publicURL
        let id = activity.id?.uuidString ?? ""
        let municipality = activity.municipalityCode.flatMap { request.application.municipalities[$0] }
        return API.Activity(
            id: id, url: base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
            programme: programme.slug,
            title: activity.title, summary: activity.summary, startsAt: activity.startsAt, endsAt: activity.endsAt,
            format: activity.format.rawValue, allSweden: activity.allSweden, municipalityCode: municipality?.code,
            municipality: municipality?.name, region: municipality?.regionName, venue: activity.venue,
            address: activity.address,
            onlineUrl: SafeURL.href(activity.onlineURL), themes: activity.themes, targetGroups: activity.targetGroups,
            language: activity.language,
            accessibility: API.Accessibility(
                stepFree: activity.stepFree, hearingLoop: activity.hearingLoop, signLanguage: activity.signLanguage,
                captions: activity.captions, notes: activity.accessibilityNotes),
            organisers: organisers, signUp: activity.signUp.rawValue,
            signUpUrl: activity.signUp == .external ? SafeURL.href(activity.signUpURL) : nil,
            calendarUrl: base + SiteURL.programmes(.activityCalendar(.value(programme.slug), .value(id))).path
        )
    }

    private func organisation(_ request: Request, _ organisation: Organisation) -> API.Organisation {
        let base = request.application.settings.publicURL
        let municipality = organisation.municipalityCode.flatMap { request.application.municipalities[$0] }
        return API.Organisation(
            slug: organisation.slug, url: base + SiteURL.organisations(.show(.value(organisation.slug))).path,
            name: organisation.name,
            sector: organisation.sector.rawValue, organisationNumber: organisation.organisationNumber,
            municipalityCode: municipality?.code,
            municipality: municipality?.name, region: municipality?.regionName,
            website: SafeURL.href(organisation.website),
            verified: organisation.verifiedAt != nil,
            calendarUrl: base + SiteURL.organisations(.calendar(.value(organisation.slug))).path
        )
    }

    private func project(_ request: Request, _ project: Project) -> API.Project {
        API.Project(
            slug: project.slug,
            url: request.application.settings.publicURL + SiteURL.projects(.show(.value(project.slug))).path,
            title: project.title, language: project.language.rawValue, excerpt: project.excerpt, tags: project.tags)
    }

    private func group(_ request: Request, _ group: LocalGroup) -> API.Group {
        let base = request.application.settings.publicURL
        return API.Group(
            slug: group.slug, url: base + SiteURL.groups(.show(.value(group.slug))).path, title: group.title,
            language: group.language.rawValue, excerpt: group.excerpt,
            calendarUrl: base + SiteURL.groups(.calendar(.value(group.slug))).path)
    }

    // MARK: Helpers

    /// `language=sv|en`, or none.
    private static func language(_ request: Request) throws -> Language? {
        guard let text = try? request.query.get(String.self, at: "language"), !text.isEmpty else { return nil }
        guard let language = Language(rawValue: text) else {
            throw Abort(.badRequest, reason: "language must be sv or en")
        }
        return language
    }

    /// The filters as the OpenAPI document describes them: a value outside a listed set, or not shaped
    /// like a region or municipality code, is the client's mistake (400). A well-formed value this
    /// programme has no activities for (another edition's theme, a quiet municipality) matches
    /// nothing, as on the programme page.
    private static func validate(_ filter: ProgrammeFilter, programme: Programme, request: Request) throws {
        for (dimension, values) in filter.values {
            if let refusal = values.lazy.compactMap(dimension.refusal(of:)).first {
                throw Abort(.badRequest, reason: refusal)
            }
        }
    }

    private static func organisationLinks(
        of events: [Event], on database: any Database
    ) async throws -> [UUID: [API.Link]] {
        let ids = events.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let links = try await EventOrganisation.query(on: database).filter(\.$event.$id ~~ ids).with(\.$organisation)
            .all()
        return Dictionary(grouping: links, by: { $0.$event.id }).mapValues { links in
            links.map { API.Link(slug: $0.organisation.slug, name: $0.organisation.name) }.sorted { $0.name < $1.name }
        }
    }
}
