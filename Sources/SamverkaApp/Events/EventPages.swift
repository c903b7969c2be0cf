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

extension EventShowPage.Detail {
    /// What everyone who may see the event reads about it.
    init(
        _ event: Event, localGroup: LocalGroup?, organisers: [Organisation], translation partner: Event?,
        request: Request
    ) {
        let dates = request.dates
        let now = request.now
        let municipality = event.municipalityCode.flatMap { request.application.municipalities[$0] }
        let next =
            event.recurrence == .weekly ? event.nextOccurrence(after: now, calendar: request.application.calendar) : nil
        self.init(
            title: event.title,
            lang: event.language.rawValue,
            excerpt: ContentText.clean(event.excerpt),
            ingress: ContentText.clean(event.ingress),
            bodyHTML: Markdown.html(event.body),
            image: SafeURL.href(event.image),
            when: dates.dateAndTime(event.startsAt),
            whenMachine: dates.machine(event.startsAt),
            endsText: event.endsAt.map(dates.dateAndTime),
            dateDescription: ContentText.clean(event.dateDescription),
            format: request.t("format.\(event.format.rawValue)"),
            status: event.status == .scheduled ? nil : request.t("status.\(event.status.rawValue)"),
            isPast: next == nil && (event.endsAt ?? event.startsAt) < now,
            recurring: event.recurrence == .weekly ? request.t("recurrence.weekly") : nil,
            nextOccurrence: next.map(dates.dateAndTime),
            placeName: event.placeName,
            address: event.address,
            municipality: municipality?.name,
            onlineHref: SafeURL.href(event.onlineURL),
            links: event.links.map(LinkView.init),
            partners: event.partners.map(PartnerView.init),
            group: localGroup.map { LinkView(title: $0.title, href: $0.showURL.path) },
            organisations: organisers.map {
                LinkView(title: $0.name, href: SiteURL.organisations(.show(.value($0.slug))).path)
            },
            translation: partner?.translationLink(request)
        )
    }
}
