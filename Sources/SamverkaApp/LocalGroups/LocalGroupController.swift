import Fluent
import Vapor

struct LocalGroupController: Sendable {
    @Sendable func show(request: Request) async throws -> Response {
        let group = try await LocalGroup.find(slugIn: request)
        let partner = try await group.translation(on: request.db)
        let detail = LocalGroupShowPage.Detail(
            title: group.title,
            lang: group.language.rawValue,
            ingress: ContentText.clean(group.ingress),
            bodyHTML: Markdown.html(group.body),
            image: SafeURL.href(group.image),
            partners: group.partners.map(PartnerView.init),
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
            organisers: try await LocalGroupOrganisersSection.make(group, request: request)
        )
        return try await request.render("LocalGroups/show", context)
    }

}
