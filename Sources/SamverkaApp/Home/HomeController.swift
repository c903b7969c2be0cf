import Fluent
import Vapor

struct HomeController: Sendable {
    static let eventCount = 6
    static let projectCount = 6

    @Sendable func show(request: Request) async throws -> Response {
        let now = request.now
        let language = request.language
        let calendar = request.application.calendar
        async let upcoming = EventQueries.upcoming(now: now, calendar: calendar, language: language, on: request.db)
        async let projects = Self.newest(Project.self, limit: Self.projectCount, language: language, on: request.db)
        async let groups = Self.newest(LocalGroup.self, limit: nil, language: language, on: request.db)
        let (events, projectList, groupList) = try await (upcoming, projects, groups)
        let context = HomePage(
            layout: request.layout(
                title: request.t("home.title"), section: .home, description: request.t("home.intro")),
            heading: request.t("home.heading"),
            intro: request.t("home.intro"),
            programmes: try await RunningProgramme.all(request),
            upcoming: events.prefix(Self.eventCount).map { EventCard($0.event, occurrence: $0.next, request: request) },
            projects: projectList.map(\.card),
            groups: groupList.sorted { $0.title < $1.title }.map(\.card)
        )
        return try await request.render("Home/index", context)
    }

    private static func newest<Item: DirectoryContent>(
        _ type: Item.Type, limit: Int?, language: Language, on database: any Database
    ) async throws -> [Item] {
        let query = Item.query(on: database)
        try await LanguagePreference.apply(language, to: query, on: database)
        query.sort("updated_at", .descending)
        if let limit { query.limit(limit) }
        return try await query.all()
    }
}
