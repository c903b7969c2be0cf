import Foundation

/// A link ready for a template; `href` is nil when the address was unsafe, and the title
/// then shows as plain text.
struct LinkView: Encodable {
    let title: String
    let href: String?

    init(_ link: ContentLink) {
        title = link.title.isEmpty ? link.url : link.title
        href = SafeURL.href(link.url)
    }

    init(title: String, href: String?) {
        self.title = title
        self.href = href
    }
}

struct ContactView: Encodable {
    let name: String
    let role: String
    let email: String
    let mailto: String?
    let organisation: String
    let organisationHref: String?
    let image: String?

    init(_ contact: ContactPerson) {
        name = contact.name
        role = contact.role
        email = contact.email
        mailto = SafeURL.mailto(contact.email)
        organisation = contact.organisation
        organisationHref = SafeURL.href(contact.organisationURL)
        image = SafeURL.href(contact.image)
    }
}

struct PartnerView: Encodable {
    let title: String
    let href: String?
    let logo: String?

    init(_ partner: Partner) {
        title = partner.title
        href = SafeURL.href(partner.url)
        logo = SafeURL.href(partner.logo)
    }
}

/// A list entry for any kind of content: title, link, picture and a short text.
struct CardView: Encodable {
    let title: String
    let href: String
    let excerpt: String
    let image: String?
    /// The content's language when it differs from the page's, for a `lang` attribute.
    let lang: String?
}

/// Text content trimmed of the stray spaces and quotes old front matter often has.
enum ContentText {
    static func clean(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
