import Foundation
import Vapor

/// An organisation as a list entry.
struct OrganisationCard: Encodable {
    let name: String
    let href: String
    let sector: String
    let municipality: String?
    let verified: Bool
    let logo: String?

    init(_ organisation: Organisation, request: Request) {
        name = organisation.name
        href = SiteURL.organisations(.show(.value(organisation.slug))).path
        sector = request.t("sector.\(organisation.sector.rawValue)")
        municipality = organisation.municipalityCode.flatMap { request.application.municipalities[$0]?.name }
        verified = organisation.isVerified
        logo = SafeURL.href(organisation.logo)
    }
}

/// `/organisations`: every organisation, filterable by sector and text.
struct OrganisationIndexPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String
    let listHeading: String
    let query: String
    let sectorOptions: [FormField.Option]
    let organisations: [OrganisationCard]
    let pagination: Pagination
    let newHref: String?
}

/// `/organisations/{slug}`.
struct OrganisationShowPage: Encodable {
    struct Detail: Encodable {
        let name: String
        let sector: String
        let isPublic: Bool
        let verified: Bool
        let organisationNumber: String?
        let municipality: String?
        let websiteHref: String?
        let website: String?
        let logo: String?
        let descriptionHTML: String
    }

    let layout: LayoutContext
    /// What other capabilities attach to the organisation: its activities, its events.
    let panels: PagePanels
    let organisation: Detail
    let editHref: String?
    /// "New event" for those who act for the organisation: it comes filled in as organiser.
    let newEventHref: String?
    let membersHref: String?
    let joinAction: String?
    let requested: Bool
    let verifyAction: String?
    let verifyLabel: String
    let verifyValue: String
    let csrf: String?
}

/// `/organisations/{slug}/members`: who acts for the organisation, and who asks to.
struct OrganisationMembersPage: Encodable {
    struct Row: Encodable {
        let name: String
        let email: String
        let role: String
        let action: String
        let isOwner: Bool
        let isSelf: Bool
    }

    let layout: LayoutContext
    let heading: String
    let backHref: String
    let active: [Row]
    let requests: [Row]
    let csrf: String
}
