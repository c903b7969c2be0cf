import Fluent
import Foundation
import Vapor

/// `/groups/{slug}`: the group, its contacts and partners, and its events.
struct LocalGroupShowPage: Encodable {
    struct Detail: Encodable {
        let title: String
        let lang: String
        let ingress: String
        let bodyHTML: String
        let image: String?
        let partners: [PartnerView]
        let translation: LinkView?
    }

    let layout: LayoutContext
    /// What other capabilities attach to the group: its events, its projects.
    let panels: PagePanels
    let group: Detail
    let contacts: [ContactView]
    let editHref: String?
    /// For staff and the group's organisers: who publishes its events.
    let organisers: LocalGroupOrganisersSection?
}

/// The group page's section for those who manage it: the organisers, and the forms.
struct LocalGroupOrganisersSection: Encodable {
    struct Row: Encodable {
        let name: String
        let removeAction: String
    }

    let rows: [Row]
    let addAction: String
    let newEventHref: String
    let csrf: String

    /// Nil for anyone who does not manage the group.
    static func make(_ group: LocalGroup, request: Request) async throws -> LocalGroupOrganisersSection? {
        guard try await LocalGroupOrganiser.mayManage(group, request: request) else { return nil }
        let organisers = try await LocalGroupOrganiser.query(on: request.db).filter(
            \.$localGroup.$id == group.requireID()
        )
        .with(\.$member).sort(\.$createdAt).all()
        return LocalGroupOrganisersSection(
            rows: organisers.map {
                Row(
                    name: $0.member.name,
                    removeAction: LocalGroup.url(.removeOrganiser(.value(group.slug), .value($0.id?.uuidString ?? "")))
                        .path)
            },
            addAction: LocalGroup.url(.organisers(.value(group.slug))).path,
            newEventHref: SiteURL.events(.new).path + "?group="
                + (group.slug.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
            csrf: request.csrfToken
        )
    }
}
