import Foundation
import Vapor

/// An event as a list entry.
struct EventCard: Encodable {
    let title: String
    let href: String
    let excerpt: String
    let when: String
    let whenMachine: String
    let place: String
    let image: String?
    let status: String?
    let recurring: String?
    let lang: String?

    init(_ event: Event, occurrence: Date? = nil, request: Request) {
        let dates = request.dates
        let shown = occurrence ?? event.startsAt
        title = event.title
        href = event.showURL.path
        excerpt = ContentText.clean(event.excerpt)
        when = dates.dateAndTime(shown)
        whenMachine = dates.machine(shown)
        place = event.placeName.isEmpty ? request.t("format.\(event.format.rawValue)") : event.placeName
        image = SafeURL.href(event.image)
        status = event.status == .scheduled ? nil : request.t("status.\(event.status.rawValue)")
        recurring =
            event.recurrence == .weekly
            ? ContentText.clean(event.dateDescription).nonEmpty ?? request.t("recurrence.weekly") : nil
        lang = event.language == request.language ? nil : event.language.rawValue
    }
}

/// `/events`: what is coming up, then a page of what has been.
struct EventIndexPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let upcoming: [EventCard]
    let past: [EventCard]
    let pagination: Pagination
    let newHref: String?
}

/// `/events/{slug}`.
struct EventShowPage: Encodable {
    struct Detail: Encodable {
        let title: String
        let lang: String
        let excerpt: String
        let ingress: String
        let bodyHTML: String
        let image: String?
        let when: String
        let whenMachine: String
        let endsText: String?
        let dateDescription: String
        let format: String
        let status: String?
        let isPast: Bool
        let recurring: String?
        let nextOccurrence: String?
        let placeName: String
        let address: String
        let municipality: String?
        let onlineHref: String?
        let links: [LinkView]
        let partners: [PartnerView]
        let group: LinkView?
        let organisations: [LinkView]
        let translation: LinkView?
    }

    /// What moderators see and do about the event being on the site.
    struct Publication: Encodable {
        /// Set when the event is unpublished: the moderator's reason, shown to owners and staff.
        let unpublishedReason: String?
        let unpublishAction: String?
        let republishAction: String?
        let csrf: String
    }

    let layout: LayoutContext
    let event: Detail
    let editHref: String?
    /// What other capabilities show on the page: sign-up, the projects that took part.
    let panels: PagePanels
    let publication: Publication?
}
