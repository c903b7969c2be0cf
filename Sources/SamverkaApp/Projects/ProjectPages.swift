import Foundation
import Vapor

/// `/projects/{slug}`.
struct ProjectShowPage: Encodable {
    struct Detail: Encodable {
        let title: String
        let lang: String
        let ingress: String
        let bodyHTML: String
        let image: String?
        let links: [LinkView]
        let chat: LinkView?
        let tags: [String]
        let group: LinkView?
        let events: [EventCard]
        let translation: LinkView?
    }

    let layout: LayoutContext
    /// What other capabilities attach to the project.
    let panels: PagePanels
    let project: Detail
    let contacts: [ContactView]
    let editHref: String?
}
