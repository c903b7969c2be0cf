import Fluent
import Vapor

/// `/programmes/{slug}/statistics` and the programme as CSV.
struct StatisticsController: Sendable {
    @Sendable func show(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        let statistics = try await ProgrammeStatistics.of(programme, request: request)
        let page = StatisticsPage(statistics, programme: programme, request: request)
        return try await request.render("Programmes/statistics", page)
    }

    @Sendable func csv(request: Request) async throws -> Response {
        // The page's filters apply: the file holds what the reader was looking at.
        let (programme, _, selection) = try await ProgrammeLookup.selection(request)
        let entries = try await selection.rows(on: request.db).map { ($0.activity, [$0.organisation] + $0.partners) }
        let dates = request.dates
        let municipalities = request.application.municipalities
        let language = request.language
        var table = CSVTable(
            columns: [
                "title", "summary", "organisers", "starts_at", "ends_at", "format", "format_code", "municipality",
                "municipality_code", "region", "venue", "address", "online_url", "themes", "theme_codes",
                "target_groups", "target_group_codes", "language", "language_code", "sign_up_url", "url",
            ], request: request)
        for (activity, organisations) in entries {
            let municipality = activity.municipalityCode.flatMap { municipalities[$0] }
            let themes = programme.themes.filter { activity.themes.contains($0.key) }
            let groups = programme.targetGroups.filter { activity.targetGroups.contains($0.key) }
            table.append([
                activity.title, activity.summary, organisations.map(\.name).joined(separator: ", "),
                activity.startsAt.map(dates.spreadsheet) ?? "", activity.endsAt.map(dates.spreadsheet) ?? "",
                request.t("activity_format.\(activity.format.rawValue)"), activity.format.rawValue,
                activity.allSweden ? request.t("activity.all_sweden") : municipality?.name ?? "",
                activity.municipalityCode ?? "",
                municipality?.regionName ?? "", activity.venue, activity.address, activity.onlineURL ?? "",
                themes.map { $0.name(language) }.joined(separator: ", "), themes.map(\.key).joined(separator: " "),
                groups.map { $0.name(language) }.joined(separator: ", "), groups.map(\.key).joined(separator: " "),
                request.t("activity_language.\(activity.language)"), activity.language, activity.signUpURL ?? "",
                request.application.settings.publicURL
                    + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
            ])
        }
        return table.response(filename: programme.slug)
    }

}
