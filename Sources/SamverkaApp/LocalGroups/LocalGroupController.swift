import Fluent
import Vapor

struct LocalGroupController: Sendable {
    /// How many past events a group page lists; the events index has them all.
    static let pastEventLimit = 10

    @Sendable func show(request: Request) async throws -> Response {
        let group = try await LocalGroup.find(slugIn: request)
        let groupID = try group.requireID()
        let now = request.now
        // A group's events are often filed under its partner in the other language.
        let partner = try await group.translation(on: request.db)
        let groupIDs = [groupID] + (partner?.id.map { [$0] } ?? [])
        async let events = Event.query(on: request.db).filter(\.$localGroup.$id ~~ groupIDs).sort(\.$startsAt, .descending).all()
        async let projects = Project.query(on: request.db).filter(\.$localGroup.$id ~~ groupIDs).sort(\.$title).all()
        let (allEvents, groupProjects) = try await (events, projects)
        let calendar = request.application.calendar
        let shown = LanguagePreference.preferred(allEvents, language: request.language)
        let upcoming = shown.compactMap { event in event.nextOccurrence(after: now, calendar: calendar).map { (event, $0) } }
            .sorted { $0.1 < $1.1 }
        let past = shown.filter { $0.nextOccurrence(after: now, calendar: calendar) == nil }.prefix(Self.pastEventLimit)
        let detail = LocalGroupShowPage.Detail(
            title: group.title,
            lang: group.language.rawValue,
            ingress: ContentText.clean(group.ingress),
            bodyHTML: Markdown.html(group.body),
            image: SafeURL.href(group.image),
            partners: group.partners.map(PartnerView.init),
            upcoming: upcoming.map { EventCard($0.0, occurrence: $0.1, request: request) },
            past: past.map { EventCard($0, request: request) },
            projects: LanguagePreference.preferred(groupProjects, language: request.language).map { LinkView(title: $0.title, href: $0.showURL.path) },
            translation: partner?.translationLink(request)
        )
        let context = LocalGroupShowPage(
            layout: request.layout(
                title: group.title, section: .groups, description: ContentText.clean(group.excerpt),
                translation: partner?.translationTarget
            ).with(feeds: request.feeds(calendar: .groups(.calendar(.value(group.slug))))),
            panels: try await request.panels(for: group),
            group: detail,
            contacts: group.contacts.map(ContactView.init),
            editHref: request.canEditContent ? LocalGroup.url(.edit(.value(group.slug))).path : nil,
            organisers: try await LocalGroupOrganisersController.section(group, request: request)
        )
        return try await request.render("LocalGroups/show", context)
    }

}
