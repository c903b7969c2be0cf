import Fluent
import Vapor

struct ProjectController: Sendable {
    @Sendable func show(request: Request) async throws -> Response {
        let project = try await Project.find(slugIn: request)
        async let translation = project.translation(on: request.db)
        async let group = project.$localGroup.get(on: request.db)
        async let events = project.$events.query(on: request.db).sort(\.$startsAt, .descending).all()
        let (partner, localGroup, pastEvents) = try await (translation, group, events)
        let detail = ProjectShowPage.Detail(
            title: project.title,
            lang: project.language.rawValue,
            ingress: ContentText.clean(project.ingress),
            bodyHTML: Markdown.html(project.body),
            image: SafeURL.href(project.image),
            links: project.links.filter { !$0.url.isEmpty }.map(LinkView.init),
            chat: project.chat.map { LinkView(title: $0, href: SafeURL.href($0)) },
            tags: project.tags,
            group: localGroup.map { LinkView(title: $0.title, href: $0.showURL.path) },
            events: pastEvents.map { EventCard($0, request: request) },
            translation: partner?.translationLink(request)
        )
        let context = ProjectShowPage(
            layout: request.layout(
                title: project.title, section: .projects, description: ContentText.clean(project.excerpt),
                translation: partner?.translationTarget
            ).with(structuredData: request.structuredData.project(project)),
            panels: try await request.panels(for: project),
            project: detail,
            contacts: project.contacts.map(ContactView.init),
            editHref: request.canEditContent ? Project.url(.edit(.value(project.slug))).path : nil
        )
        return try await request.render("Projects/show", context)
    }
}
