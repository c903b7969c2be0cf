import Fluent
import Vapor

/// Reviewers' side: the queue of an edition's activities, and approving, asking for changes or
/// rejecting with a message the organiser sees.
struct ReviewController: Sendable {
    /// Which activities the queue shows.
    enum Show: String, CaseIterable {
        case waiting, submitted, changesRequested = "changes_requested", approved, rejected, draft, all
    }

    /// "Waited more than N days": the choices of the waiting-time filter.
    static let waitingThresholds = [3, 7, 14, 30]

    @Sendable func queue(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        let selection = try await Self.select(programme, request: request)
        let activities = selection.activities
        let heading = request.t("review.title", ["name": programme.name])
        let page = ReviewQueuePage(
            layout: request.layout(title: heading, section: .programmes)
                .with(
                    feeds: request.downloads(
                        csv: .programmes(.reviewCSV(.value(programme.slug))), query: selection.query)),
            heading: heading,
            filters: Self.filters(selection, programme: programme, request: request),
            rows: try activities.map { activity in
                try ReviewQueuePage.Row(activity, programme: programme, request: request)
            },
            count: request.t("review.count", count: activities.count),
            csrf: request.csrfToken
        )
        return try await request.render("Programmes/review", page)
    }

    /// The queue's filters as the request gives them, and the activities they select.
    struct Selection {
        let show: Show
        let region: String
        let format: Activity.Format?
        let theme: String
        let waited: Int?
        let activities: [Activity]

        var query: String {
            var parts = ["show=" + show.rawValue]
            if !region.isEmpty { parts.append("region=" + region) }
            if let format { parts.append("format=" + format.rawValue) }
            if !theme.isEmpty {
                parts.append("theme=" + (theme.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
            if let waited { parts.append("waited=\(waited)") }
            return "?" + parts.joined(separator: "&")
        }
    }

    static func select(_ programme: Programme, request: Request) async throws -> Selection {
        let show = (try? request.query.get(String.self, at: "show")).flatMap(Show.init(rawValue:)) ?? .waiting
        let region = (try? request.query.get(String.self, at: "region")) ?? ""
        let format = (try? request.query.get(String.self, at: "format")).flatMap(Activity.Format.init(rawValue:))
        let theme = (try? request.query.get(String.self, at: "theme")) ?? ""
        let waited = (try? request.query.get(Int.self, at: "waited")).flatMap {
            Self.waitingThresholds.contains($0) ? $0 : nil
        }
        let now = request.now
        let query = try Activity.query(on: request.db).filter(\.$programme.$id == programme.requireID()).with(
            \.$organisation)
        switch show {
        case .waiting: query.waitingForReview()
        case .submitted: query.filter(\.$status == .submitted)
        case .changesRequested: query.filter(\.$status == .changesRequested)
        case .approved: query.filter(\.$status == .approved)
        case .rejected: query.filter(\.$status == .rejected)
        case .draft: query.filter(\.$status == .draft)
        case .all: break
        }
        if let format { query.filter(\.$format == format) }
        if let waited { query.filter(\.$submittedAt <= now.addingTimeInterval(-Double(waited) * 86_400)) }
        let municipalities = request.application.municipalities
        let activities = try await query.sort(\.$submittedAt).all().filter { activity in
            (region.isEmpty || activity.municipalityCode.flatMap { municipalities[$0]?.regionCode } == region)
                && (theme.isEmpty || activity.themes.contains(theme))
        }
        return Selection(
            show: show, region: region, format: format, theme: theme, waited: waited, activities: activities)
    }

    /// The queue's filters, each with its choice kept.
    private static func filters(_ selection: Selection, programme: Programme, request: Request) -> [FilterSelect] {
        let (show, region, format, theme, waited) = (
            selection.show, selection.region, selection.format, selection.theme, selection.waited
        )
        let municipalities = request.application.municipalities
        return [
            FilterSelect(
                name: "show", label: request.t("review.show"),
                options: Show.allCases.map {
                    .init(value: $0.rawValue, label: request.t("review.show_\($0.rawValue)"), selected: $0 == show)
                }),
            FilterSelect(
                name: "region", label: request.t("filter.region"),
                options: [.init(value: "", label: request.t("filter.any"), selected: region.isEmpty)]
                    + Regions.all(municipalities).map {
                        .init(value: $0.code, label: $0.name, selected: $0.code == region)
                    }),
            FilterSelect(
                name: "format", label: request.t("field.format"),
                options: [.init(value: "", label: request.t("filter.any"), selected: format == nil)]
                    + Activity.Format.allCases.map {
                        .init(
                            value: $0.rawValue, label: request.t("activity_format.\($0.rawValue)"),
                            selected: $0 == format)
                    }),
            FilterSelect(
                name: "theme", label: request.t("field.themes"),
                options: [.init(value: "", label: request.t("filter.any"), selected: theme.isEmpty)]
                    + programme.themes.map {
                        .init(value: $0.key, label: $0.name(request.language), selected: $0.key == theme)
                    }),
            FilterSelect(
                name: "waited", label: request.t("review.waited"),
                options: [.init(value: "", label: request.t("filter.any"), selected: waited == nil)]
                    + Self.waitingThresholds.map {
                        .init(
                            value: "\($0)", label: request.t("review.waited_more_than", ["days": "\($0)"]),
                            selected: $0 == waited)
                    }),
        ]
    }

    /// The queue with its filters as CSV, for moderators who share out the work.
    @Sendable func csv(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        let selection = try await Self.select(programme, request: request)
        let municipalities = request.application.municipalities
        let dates = request.dates
        let base = request.application.settings.publicURL
        var table = CSVTable(
            columns: [
                "title", "organisation", "verified", "status", "status_code", "changes_waiting", "submitted_at",
                "days_waiting", "starts_at", "format", "format_code", "municipality", "region", "url",
            ], request: request)
        for activity in selection.activities {
            let municipality = activity.municipalityCode.flatMap { municipalities[$0] }
            table.append([
                activity.title, activity.organisation.name,
                request.t(activity.organisation.isVerified ? "csv.yes" : "csv.no"),
                request.t("activity_status.\(activity.status.rawValue)"), activity.status.rawValue,
                request.t(activity.pendingChanges == nil ? "csv.no" : "csv.yes"),
                activity.submittedAt.map(dates.spreadsheet) ?? "",
                activity.submittedAt.map { "\(Int(request.now.timeIntervalSince($0) / 86_400))" } ?? "",
                activity.startsAt.map(dates.spreadsheet) ?? "",
                request.t("activity_format.\(activity.format.rawValue)"), activity.format.rawValue,
                municipality?.name ?? "", municipality?.regionName ?? "",
                base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
            ])
        }
        return table.response(filename: programme.slug + "-review", cache: "no-store")
    }

    @Sendable func decide(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let member = try request.auth.require(Member.self)
        guard
            let decision = (try? request.content.get(String.self, at: "decision")).flatMap(
                ActivityReview.Decision.init(rawValue:))
        else {
            throw Abort(.badRequest)
        }
        let message = ((try? request.content.get(String.self, at: "message")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let back = SiteURL.programmes(.review(.value(programme.slug))).path
        let partners = try await activity.$partners.query(on: request.db).with(\.$organisation).all().map(
            \.organisation)
        // Nobody judges their own organisation's work: another moderator decides.
        let own = try await ActivityAccess.of(member, on: request.db).organisationIDs
        guard own.isDisjoint(with: [activity.$organisation.id] + partners.compactMap(\.id)) else {
            request.flash(request.t("error.review_own_organisation"))
            return request.redirect(to: back, redirectType: .normal)
        }
        let kind: ActivityLogEntry.Kind
        do throws(ActivityReview.Refusal) {
            kind = try ActivityReview.apply(decision, message: message, to: activity)
        } catch .nothingToDecide {
            throw Abort(.badRequest)
        } catch .messageNeeded {
            request.flash(request.t("error.review_message_needed"))
            return request.redirect(to: back, redirectType: .normal)
        }
        let organisers = [try await activity.$organisation.get(on: request.db)] + partners
        activity.refreshSearchText(organisations: organisers, municipalities: request.application.municipalities)
        try await request.db.transaction { database in
            try await activity.save(on: database)
            // An approved change may have changed how to sign up.
            if kind == .approved {
                try await request.application.saved(
                    ProgrammeActivity(activity: activity, programme: programme), on: database)
            }
            try await ActivityLogEntry(
                activityID: try activity.requireID(), memberID: member.id, kind: kind, message: message
            ).save(on: database)
            try await ProgrammeQueries.activitiesChanged(activity.$programme.id, on: database)
            let told: MemberNotification.Kind =
                switch kind {
                case .approved: .activityApproved
                case .rejected: .activityRejected
                default: .activityChangesRequested
                }
            try await Notifier(request).tell(
                try await OrganisationMembership.people(of: activity.$organisation.id, on: database), told,
                values: ["title": activity.title, "programme": programme.name, "message": message],
                link: SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
                except: member, on: database)
        }
        request.flash(request.t("flash.review_\(kind.rawValue)", ["title": activity.title]))
        return request.redirect(to: back, redirectType: .normal)
    }
}
