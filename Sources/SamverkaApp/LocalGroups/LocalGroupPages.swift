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
    let organisers: LocalGroupOrganisersController.Section?
}
