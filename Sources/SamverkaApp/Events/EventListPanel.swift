import Fluent
import Vapor

/// The events of a local group or an organisation, on its page. Events attaches them (an
/// event names its group and its organisations), so those capabilities need not know events.
struct EventListPanelProvider: PagePanelProvider {
    /// How many past events a group page lists; the events index has them all.
    static let pastEventLimit = 10

    struct Section: Encodable {
        let heading: String
        let events: [EventCard]
        /// Said when there are none; a section without it is left out when empty.
        let empty: String?
    }

    func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
        let sections: [Section]
        switch item {
        case let group as LocalGroup:
            let ids = try await group.idsWithTranslation(on: request.db)
            let events = try await Event.query(on: request.db).filter(\.$localGroup.$id ~~ ids).sort(
                \.$startsAt, .descending
            ).all()
            sections = Self.comingAndPast(
                LanguagePreference.preferred(events, language: request.language), pastLimit: Self.pastEventLimit,
                request: request)
        case let organisation as Organisation:
            let events = try await EventQueries.of(organisation: organisation.requireID(), on: request.db)
            sections = Self.comingAndPast(
                LanguagePreference.preferred(events, language: request.language), pastLimit: nil, request: request)
        default:
            return nil
        }
        let shown = sections.filter { !$0.events.isEmpty || $0.empty != nil }
        guard !shown.isEmpty else { return nil }
        return try await request.panel(
            "events", placement: .related, template: "Events/panel-events", ["sections": shown])
    }

    /// Coming events by their next date (said when there are none), then past ones, latest first.
    private static func comingAndPast(_ events: [Event], pastLimit: Int?, request: Request) -> [Section] {
        let now = request.now
        let calendar = request.application.calendar
        let upcoming = events.compactMap { event in
            event.nextOccurrence(after: now, calendar: calendar).map { (event, $0) }
        }
        .sorted { $0.1 < $1.1 }
        let past = events.filter { $0.nextOccurrence(after: now, calendar: calendar) == nil }.prefix(pastLimit ?? .max)
        return [
            Section(
                heading: request.t("events.upcoming"),
                events: upcoming.map { EventCard($0.0, occurrence: $0.1, request: request) },
                empty: request.t("events.none_upcoming")),
            Section(
                heading: request.t("events.past"), events: past.map { EventCard($0, request: request) }, empty: nil),
        ]
    }
}
