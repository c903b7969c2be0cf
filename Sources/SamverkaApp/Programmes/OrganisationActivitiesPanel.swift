import Fluent
import Vapor

/// An organisation's activities in public programmes, on its page: coming ones soonest first,
/// then past ones, latest first. Programmes attaches them, so Organisations need not know them.
struct OrganisationActivitiesPanelProvider: PagePanelProvider {
    struct Section: Encodable {
        let heading: String
        let activities: [ActivityCard]
    }

    func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
        guard let organisation = item as? Organisation else { return nil }
        let activities = try await ProgrammeQueries.publicActivities(
            of: organisation.requireID(), on: request.db, now: request.now)
        let now = request.now
        func cards(_ list: [(Activity, Programme)]) -> [ActivityCard] {
            list.map { ActivityCard($0.0, programme: $0.1, organisation: nil, showStatus: false, request: request) }
        }
        let upcoming = activities.filter { ($0.0.endsAt ?? $0.0.startsAt ?? now) >= now }
        let past = activities.filter { ($0.0.endsAt ?? $0.0.startsAt ?? now) < now }.reversed()
        let sections = [
            Section(heading: request.t("organisation.activities_upcoming"), activities: cards(upcoming)),
            Section(heading: request.t("organisation.activities_past"), activities: cards(Array(past))),
        ].filter { !$0.activities.isEmpty }
        guard !sections.isEmpty else { return nil }
        return try await request.panel(
            "activities", placement: .related, template: "Programmes/panel-activities", ["sections": sections])
    }
}
