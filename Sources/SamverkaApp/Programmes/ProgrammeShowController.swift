import Fluent
import Vapor

/// `/programmes/{slug}`: the edition, and once it is public its approved activities, sorted by
/// time, filterable, counted and paged.
struct ProgrammeShowController: Sendable {
    struct Page: Encodable {
        let layout: LayoutContext
        let name: String
        let descriptionHTML: String
        let facts: ProgrammeFacts
        let showsActivities: Bool
        let filters: [FilterSelect]
        let query: String
        let resultCount: String
        /// When nothing matches: a link for each chosen filter that takes just that one away.
        let removals: [LinkView]
        let activities: [ActivityCard]
        let pagination: Pagination
        let clearHref: String?
        let submitHref: String?
        let statisticsHref: String
        let reviewHref: String?
        let editHref: String?
    }

    @Sendable func show(request: Request) async throws -> Response {
        // A snapshot shared between requests (read only), so a cached page needs no query.
        guard let slug = request.parameters.get("slug"),
              let programme = try await request.application.programmeLookups.programme(slug: slug, on: request.db)
        else { throw Abort(.notFound) }
        // The page changes with the edition's activities, with the edition itself, and with
        // time (the submission window's text): each is part of the version, time by the hour.
        let version = programme.activitiesVersion &* 1_000_003 &+ Int(programme.updatedAt?.timeIntervalSince1970 ?? 0)
            &+ Int(request.now.timeIntervalSince1970 / 3_600) &* 7
        let cacheKey = AnonymousPageCache.key(for: request, version: version)
        if let cacheKey, let cached = request.application.anonymousPages.response(for: cacheKey, request: request) {
            return cached
        }
        let member = request.auth.get(Member.self)
        let isReviewer = member?.role.canEditContent ?? false
        let now = request.now
        let showsActivities = programme.isPublic(at: now) || isReviewer
        let filter = ProgrammeFilter(request: request)
        let dates = request.dates
        let municipalities = request.application.municipalities
        let language = request.language

        let selection = try await ProgrammeSelection.make(programme, filter: filter, shows: showsActivities, request: request)
        let (index, matching, counts) = (selection.index, selection.matching, selection.counts)
        let total = index?.ids.count ?? 0
        let page = Pagination.requestedPage(request)
        let shown = matching.dropFirst((page - 1) * Pagination.pageSize).prefix(Pagination.pageSize)
        let base = SiteURL.programmes(.show(.value(programme.slug))).path

        func select(_ dimension: ProgrammeFilter.Dimension, _ label: String, _ options: [(String, String)]) -> FilterSelect {
            let chosen = filter.values[dimension]
            return FilterSelect(
                name: dimension.rawValue, label: label,
                options: [FormField.Option(value: "", label: request.t("filter.any"), selected: chosen == nil)]
                    + options.map { value, name in
                        FormField.Option(value: value, label: "\(name) (\(counts[dimension.ordinal][value] ?? 0))", selected: value == chosen)
                    }
            )
        }
        let calendar = request.application.calendar
        let days = programme.days(calendar: calendar).map { (dates.dayInputValue($0), dates.longDate($0)) }
        let usedMunicipalities = index?.municipalityCodes ?? []
        let choices: [(ProgrammeFilter.Dimension, String, [(String, String)])] = [
            (.day, request.t("filter.day"), days),
            (.region, request.t("filter.region"), Regions.all(municipalities).map { ($0.code, $0.name) }),
            (.municipality, request.t("field.municipality"), municipalities.all.filter { usedMunicipalities.contains($0.code) || $0.code == filter.values[.municipality] }.map { ($0.code, $0.name) }),
            (.format, request.t("field.format"), Activity.Format.allCases.map { ($0.rawValue, request.t("activity_format.\($0.rawValue)")) }),
            (.theme, request.t("field.themes"), programme.themes.map { ($0.key, $0.name(language)) }),
            (.group, request.t("field.target_groups"), programme.targetGroups.map { ($0.key, $0.name(language)) }),
            (.language, request.t("field.language"), ["sv", "en"].map { ($0, request.t("language.\($0)")) }),
            (.sector, request.t("filter.sector"), Sector.allCases.map { ($0.rawValue, request.t("sector.\($0.rawValue)")) }),
        ]
        let filters = choices.map { select($0.0, $0.1, $0.2) }
        var removals: [LinkView] = []
        if matching.isEmpty && total > 0 {
            for (dimension, label, options) in choices {
                guard let chosen = filter.values[dimension] else { continue }
                let name = options.first { $0.0 == chosen }?.1 ?? chosen
                removals.append(LinkView(title: request.t("programme.remove_filter", ["filter": label + ": " + name]),
                                         href: base + filter.query(setting: dimension, to: nil)))
            }
            if !filter.text.isEmpty {
                removals.append(LinkView(title: request.t("programme.remove_search", ["text": filter.text]),
                                         href: base + ProgrammeFilter(values: filter.values).query()))
            }
        }
        let submissionOpen = programme.acceptsSubmissions(at: now, calendar: calendar)
        let context = Page(
            layout: request.layout(title: programme.name, section: .programmes, description: programme.name)
                .with(feeds: showsActivities ? request.feeds(calendar: .programmes(.calendar(.value(programme.slug))),
                                                             atom: .programmes(.feed(.value(programme.slug))), query: filter.query())
                    + request.downloads(csv: .programmes(.csv(.value(programme.slug))), query: filter.query()) : [],
                      embedCode: showsActivities ? EmbedController.snippet(request, embed: .embedProgramme(.value(programme.slug)), query: filter.query(), title: programme.name) : nil),
            name: programme.name,
            descriptionHTML: Markdown.html(programme.description),
            facts: ProgrammeFacts(programme, request: request),
            showsActivities: showsActivities,
            filters: filters,
            query: filter.text,
            resultCount: request.t("programme.result_count", count: total, ["count": "\(matching.count)", "total": "\(total)"]),
            removals: removals,
            activities: shown.compactMap { position in index.map { ActivityCard($0.entries[position], programme: programme, request: request) } },
            pagination: try Pagination(page: page, total: matching.count, basePath: base + filter.query(), request: request),
            clearHref: filter.isEmpty ? nil : base,
            submitHref: submissionOpen ? SiteURL.programmes(.newActivity(.value(programme.slug))).path : nil,
            statisticsHref: SiteURL.programmes(.statistics(.value(programme.slug))).path,
            reviewHref: isReviewer ? SiteURL.programmes(.review(.value(programme.slug))).path : nil,
            editHref: member?.role == .admin ? SiteURL.programmes(.edit(.value(programme.slug))).path : nil
        )
        let response = try await request.render("Programmes/show", context)
        return cacheKey.map { request.application.anonymousPages.store(response, key: $0) } ?? response
    }
}
