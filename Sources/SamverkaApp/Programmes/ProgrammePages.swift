import Foundation
import Vapor

/// An edition as a list entry.
struct ProgrammeCard: Encodable {
    let name: String
    let href: String
    let days: String
    let isCurrent: Bool
}

/// `/programmes`: every edition, newest first, kept year after year.
struct ProgrammeIndexPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String
    let programmes: [ProgrammeCard]
    let newHref: String?
}

/// What a programme page says about taking part and about when it opens.
struct ProgrammeFacts: Encodable {
    let days: String
    let submission: String
    let release: String?
    let rules: [String]
    let themes: [String]

    init(_ programme: Programme, request: Request) {
        let dates = request.dates
        let now = request.now
        days = dates.date(programme.firstDay) + " – " + dates.date(programme.lastDay)
        if now < programme.submissionOpensAt {
            submission = request.t(
                "programme.submission_opens", ["date": dates.dateAndTime(programme.submissionOpensAt)])
        } else if let closes = programme.submissionClosesAt {
            submission =
                now < closes
                ? request.t("programme.submission_open_until", ["date": dates.dateAndTime(closes)])
                : request.t("programme.submission_closed")
        } else if now < programme.end(calendar: request.application.calendar) {
            submission = request.t("programme.submission_open_until_start")
        } else {
            submission = request.t("programme.submission_closed")
        }
        release =
            programme.isPublic(at: now)
            ? nil : request.t("programme.opens_to_public", ["date": dates.dateAndTime(programme.publicFrom)])
        var rules: [String] = []
        if programme.requiresPublicParty { rules.append(request.t("programme.rule_public_party")) }
        if let cap = programme.maxActivitiesPerOrganisation {
            rules.append(request.t("programme.rule_cap", count: cap))
        }
        self.rules = rules
        themes = programme.themes.map { $0.name(request.language) }
    }
}

/// `/programmes/{slug}`: the edition and its public programme as a list, by day or for print.
/// `Programmes/show`, `Programmes/print`.
struct ProgrammeShowPage: Encodable {
    let layout: LayoutContext
    /// What other capabilities attach to the edition.
    let panels: PagePanels
    let name: String
    let descriptionHTML: String
    let facts: ProgrammeFacts
    let showsActivities: Bool
    let form: ProgrammeFilterForm
    let views: [ProgrammeViewLink]
    let view: String
    let resultCount: String
    let activities: [ActivityCard]
    let pagination: Pagination?
    let timeline: ProgrammeTimeline?
    let printed: ProgrammePrint?
    let submitHref: String?
    let statisticsHref: String
    let reviewHref: String?
    let editHref: String?
}

/// `/programmes/{slug}/statistics`: the edition's figures. `Programmes/statistics`.
struct StatisticsPage: Encodable {
    struct Row: Encodable {
        let label: String
        let count: Int
        let share: String?
    }

    let layout: LayoutContext
    let heading: String
    let programmeHref: String
    let csvHref: String
    let activities: Int
    let organisations: Int
    let reach: String
    let map: RegionChoropleth
    let regions: [Row]
    /// Each figure as a bar chart and the same figures as a table.
    let sections: [StatisticsSection]
    let sectors: [Row]
}

/// `/account/programme`: the activities a member starred, edition by edition. `Programmes/my-
/// programme`.
struct MyProgrammePage: Encodable {
    let layout: LayoutContext
    let heading: String
    let editions: [MyProgrammeEdition]
    let calendarURL: String?
    let calendarAction: String
    let csrf: String
}

/// `/programmes/{slug}/review`: the moderators' queue. `Programmes/review`.
struct ReviewQueuePage: Encodable {
    struct Row: Encodable {
        let id: String
        let card: ActivityCard
        /// Whether an admin has verified the organisation: a reviewer weighs it.
        let verification: String
        let region: String
        let waiting: String
        let pending: String?
        let action: String
    }

    let layout: LayoutContext
    let heading: String
    let filters: [FilterSelect]
    let rows: [Row]
    let count: String
    let csrf: String
}

/// One way of reading the programme, as a link that keeps the filters.
struct ProgrammeViewLink: Encodable {
    let label: String
    let href: String
    let isCurrent: Bool
}

/// One figure of the statistics page: its chart and its table.
struct StatisticsSection: Encodable {
    let chart: BarChart
    let rows: [StatisticsPage.Row]
    let showsShare: Bool
}

/// One edition on a member's programme.
struct MyProgrammeEdition: Encodable {
    let name: String
    let href: String
    let days: [MyProgrammeDay]
}

/// One day of an edition on a member's programme.
struct MyProgrammeDay: Encodable {
    let heading: String
    let activities: [MyProgrammeRow]
}

/// One starred activity on a member's programme.
struct MyProgrammeRow: Encodable {
    let card: ActivityCard
    let removeAction: String
}

extension ReviewQueuePage.Row {
    /// One activity in the queue: its card, its organisation's badge, its region, how long it
    /// has waited, and the change waiting on it.
    init(_ activity: Activity, programme: Programme, request: Request) throws {
        let now = request.now
        let municipalities = request.application.municipalities
        let id = try activity.requireID().uuidString
        let waitingDays = activity.submittedAt.map { Int(now.timeIntervalSince($0) / 86_400) }
        self.init(
            id: id,
            card: ActivityCard(
                activity, programme: programme, organisation: activity.organisation, showStatus: true,
                request: request),
            verification: request.t(
                activity.organisation.isVerified ? "organisation.is_verified" : "organisation.not_verified"),
            region: activity.municipalityCode.flatMap { municipalities[$0]?.regionName } ?? "",
            waiting: waitingDays.map { request.t("review.waiting_days", ["days": "\($0)"]) } ?? "",
            pending: activity.pendingChanges.map { request.t("activity.pending_changes", ["title": $0.title]) },
            action: SiteURL.programmes(.reviewActivity(.value(programme.slug), .value(activity.slug))).path
        )
    }
}

extension StatisticsPage {
    /// The figures as the page shows them: the map, a chart and a table for each dimension.
    init(_ statistics: ProgrammeStatistics, programme: Programme, request: Request) {
        let total = max(statistics.activities, 1)
        func rows(_ counts: [ProgrammeStatistics.Count], shares: Bool = false) -> [StatisticsPage.Row] {
            counts.map {
                StatisticsPage.Row(
                    label: $0.label, count: $0.count,
                    share: shares ? "\(Int((Double($0.count) * 100 / Double(total)).rounded())) %" : nil)
            }
        }
        let heading = request.t("statistics.title", ["name": programme.name])
        self.init(
            layout: request.layout(title: heading, section: .programmes),
            heading: heading,
            programmeHref: SiteURL.programmes(.show(.value(programme.slug))).path,
            csvHref: SiteURL.programmes(.csv(.value(programme.slug))).path,
            activities: statistics.activities,
            organisations: statistics.organisations,
            reach: request.t(
                "statistics.reach",
                ["count": "\(statistics.municipalitiesReached)", "total": "\(statistics.municipalitiesTotal)"]),
            map: RegionChoropleth(
                map: request.application.regionMap, counts: statistics.regions,
                label: { low, high in
                    low == 0 && high == 0
                        ? request.t("statistics.legend_none")
                        : request.t("statistics.legend_range", ["low": "\(low)", "high": "\(high)"])
                },
                link: { code, name, count in
                    (
                        SiteURL.programmes(.show(.value(programme.slug))).path
                            + ProgrammeFilter(values: [.region: [code]]).query(),
                        request.t("statistics.map_link", count: count, ["region": name, "count": "\(count)"])
                    )
                }),
            regions: rows(statistics.regions),
            sections: [
                StatisticsSection(
                    chart: BarChart(
                        id: "formats", title: request.t("statistics.by_format"), counts: statistics.formats),
                    rows: rows(statistics.formats, shares: true), showsShare: true),
                StatisticsSection(
                    chart: BarChart(
                        id: "regions", title: request.t("statistics.by_region"), counts: statistics.regions),
                    rows: rows(statistics.regions), showsShare: false),
                StatisticsSection(
                    chart: BarChart(id: "themes", title: request.t("statistics.by_theme"), counts: statistics.themes),
                    rows: rows(statistics.themes), showsShare: false),
                StatisticsSection(
                    chart: BarChart(id: "days", title: request.t("statistics.by_day"), counts: statistics.days),
                    rows: rows(statistics.days), showsShare: false),
                StatisticsSection(
                    chart: BarChart(
                        id: "sectors", title: request.t("statistics.by_sector"), counts: statistics.sectors),
                    rows: rows(statistics.sectors), showsShare: false),
            ],
            sectors: rows(statistics.sectors)
        )
    }
}
