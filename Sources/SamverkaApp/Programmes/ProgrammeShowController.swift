import Fluent
import Vapor

/// `/programmes/{slug}`: the edition, and once it is public its approved activities, sorted by
/// time, filterable, counted and paged.
struct ProgrammeShowController: Sendable {
    /// The list (cards, paged), the timeline (one day at a time, by the hour) and the printable
    /// programme (every match, by day, compact).
    enum View: String, CaseIterable {
        case list, days, print

        init(_ request: Request) {
            self = (try? request.query.get(String.self, at: "view")).flatMap(View.init(rawValue:)) ?? .list
        }

        /// The parameter that keeps this view in the filter form's links.
        var parameters: [(String, String)] { self == .list ? [] : [("view", rawValue)] }
    }

    @Sendable func show(request: Request) async throws -> Response {
        // A snapshot shared between requests (read only) for a second: the filtered pages of one
        // edition need its row once, not once each.
        guard let slug = request.parameters.get("slug"),
            let programme = try await request.application.programmeLookups.programme(slug: slug, on: request.db)
        else { throw Abort(.notFound) }
        let member = request.auth.get(Member.self)
        let isReviewer = member?.role.canEditContent ?? false
        let now = request.now
        let showsActivities = ProgrammeLookup.showsActivities(programme, to: request)
        let filter = ProgrammeFilter(request: request)
        let view = View(request)

        let selection = try await ProgrammeSelection.make(programme, filter: filter, request: request)
        let (index, matching, counts) = (selection.index, selection.matching, selection.counts)
        let total = index?.ids.count ?? 0
        let base = SiteURL.programmes(.show(.value(programme.slug))).path
        let choices = ProgrammeFilterForm.choices(programme, filter: filter, index: index, request: request)
        let form = ProgrammeFilterForm(
            choices: choices, filter: filter, counts: counts, nothingMatches: matching.isEmpty && total > 0,
            base: base, view: view.parameters, request: request)
        let views = View.allCases.map { option in
            ProgrammeViewLink(
                label: request.t("programme.view_\(option.rawValue)"),
                href: base + filter.query(extra: option.parameters), isCurrent: option == view)
        }

        let shown =
            try index.map { index in
                try Shown(
                    view, index: index, selection: selection, choices: choices, filter: filter, base: base,
                    programme: programme, request: request)
            } ?? Shown()
        let submissionOpen = programme.acceptsSubmissions(at: now, calendar: request.application.calendar)
        let context = ProgrammeShowPage(
            layout: Self.layout(programme, filter: filter, showsActivities: showsActivities, request: request),
            panels: try await request.panels(for: programme),
            name: programme.name,
            descriptionHTML: Markdown.html(programme.description),
            facts: ProgrammeFacts(programme, request: request),
            showsActivities: showsActivities,
            form: form,
            views: views,
            view: view.rawValue,
            resultCount: request.t(
                "programme.result_count", count: total, ["count": "\(matching.count)", "total": "\(total)"]),
            activities: shown.cards,
            pagination: shown.pagination,
            timeline: shown.timeline,
            printed: shown.printed,
            submitHref: submissionOpen ? SiteURL.programmes(.newActivity(.value(programme.slug))).path : nil,
            statisticsHref: SiteURL.programmes(.statistics(.value(programme.slug))).path,
            reviewHref: isReviewer ? SiteURL.programmes(.review(.value(programme.slug))).path : nil,
            editHref: member?.role == .admin ? SiteURL.programmes(.edit(.value(programme.slug))).path : nil
        )
        return try await request.render(view == .print ? "Programmes/print" : "Programmes/show", context)
    }

    /// The matching activities as the chosen view shows them: a page of cards, one day's
    /// timeline, or every one for print.
    struct Shown {
        var cards: [ActivityCard] = []
        var pagination: Pagination?
        var timeline: ProgrammeTimeline?
        var printed: ProgrammePrint?

        init() {}

        init(
            _ view: View, index: ProgrammeIndex, selection: ProgrammeSelection, choices: [ProgrammeFilterForm.Choice],
            filter: ProgrammeFilter, base: String, programme: Programme, request: Request
        ) throws {
            let matching = selection.matching
            switch view {
            case .list:
                let page = Pagination.requestedPage(request)
                cards = matching.dropFirst((page - 1) * Pagination.pageSize).prefix(Pagination.pageSize)
                    .map { ActivityCard(index.entries[$0], programme: programme, request: request) }
                pagination = try Pagination(
                    page: page, total: matching.count, basePath: base + filter.query(), request: request)
            case .days:
                let days = choices.first { $0.dimension == .day }?.options ?? []
                timeline = ProgrammeTimeline(
                    index: index, matching: matching, days: days,
                    dayCounts: selection.counts[ProgrammeFilter.Dimension.day.ordinal],
                    filter: filter, base: base, programme: programme, request: request)
            case .print:
                printed = ProgrammePrint(index: index, matching: matching, programme: programme, request: request)
            }
        }
    }

    /// The page's frame, with the feeds, the download and the embed code of what it shows.
    private static func layout(
        _ programme: Programme, filter: ProgrammeFilter, showsActivities: Bool, request: Request
    ) -> LayoutContext {
        let layout = request.layout(title: programme.name, section: .programmes, description: programme.name)
        guard showsActivities else { return layout }
        let slug = programme.slug
        return layout.with(
            feeds: request.feeds(
                calendar: .programmes(.calendar(.value(slug))), atom: .programmes(.feed(.value(slug))),
                query: filter.query())
                + request.downloads(csv: .programmes(.csv(.value(slug))), query: filter.query()),
            embedCode: EmbedSnippet.code(
                request, embed: .embedProgramme(.value(slug)), query: filter.query(), title: programme.name))
    }
}
