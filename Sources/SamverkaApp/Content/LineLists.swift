import Foundation
import Vapor

/// Links, contacts and partners are edited as rows of small fields (`FormRows`): a link's title
/// and address, a contact's name, role, email and organisation. These read the rows a form
/// sends, with the number of the first row that is wrong.
enum LineLists {
    struct LineError: Error, Equatable {
        let line: Int
        let key: String
    }

    static func links(title: [String]?, url: [String]?) -> Result<[ContentLink], LineError> {
        var links: [ContentLink] = []
        for (row, cells) in FormRows.filled([title, url]) {
            guard !cells[0].isEmpty, !cells[1].isEmpty else {
                return .failure(LineError(line: row, key: "error.lines.link"))
            }
            guard SafeURL.isWebAddress(cells[1]) else { return .failure(LineError(line: row, key: "error.lines.url")) }
            links.append(ContentLink(title: cells[0], url: cells[1]))
        }
        return .success(links)
    }

    /// A contact needs a name; the role, email, organisation and its link may be empty.
    static func contacts(
        name: [String]?, role: [String]?, email: [String]?, organisation: [String]?, organisationURL: [String]?
    ) -> Result<[ContactPerson], LineError> {
        var contacts: [ContactPerson] = []
        for (row, cells) in FormRows.filled([name, role, email, organisation, organisationURL]) {
            guard !cells[0].isEmpty else { return .failure(LineError(line: row, key: "error.lines.contact")) }
            if !cells[2].isEmpty && !EmailAddress.isValid(cells[2]) {
                return .failure(LineError(line: row, key: "error.lines.email"))
            }
            if !cells[4].isEmpty && !SafeURL.isWebAddress(cells[4]) {
                return .failure(LineError(line: row, key: "error.lines.url"))
            }
            contacts.append(
                ContactPerson(
                    name: cells[0], role: cells[1], email: cells[2], organisation: cells[3], organisationURL: cells[4],
                    image: ""))
        }
        return .success(contacts)
    }

    /// A partner needs a name; its website and logo may be empty.
    static func partners(title: [String]?, url: [String]?, logo: [String]?) -> Result<[Partner], LineError> {
        var partners: [Partner] = []
        for (row, cells) in FormRows.filled([title, url, logo]) {
            guard !cells[0].isEmpty else { return .failure(LineError(line: row, key: "error.lines.partner")) }
            for address in [cells[1], cells[2]] where !address.isEmpty && !SafeURL.isWebAddress(address) {
                return .failure(LineError(line: row, key: "error.lines.url"))
            }
            partners.append(Partner(title: cells[0], url: cells[1], logo: cells[2]))
        }
        return .success(partners)
    }
}

/// The rows fields of links, contacts and partners, as the content forms draw them.
extension FormRows {
    static func links(_ links: [[String]], error: String?, request: Request) -> FormField {
        field(
            "links", label: request.t("field.links"), hint: request.t("hint.links"), error: error,
            columns: [
                Column(name: "linkTitle", label: request.t("field.link_title")),
                Column(name: "linkURL", label: request.t("field.link_url"), kind: .url),
            ], values: links, request: request)
    }

    static func contacts(_ contacts: [[String]], error: String?, request: Request) -> FormField {
        field(
            "contacts", label: request.t("field.contacts"), hint: request.t("hint.contacts"), error: error,
            columns: [
                Column(name: "contactName", label: request.t("field.contact_name")),
                Column(name: "contactRole", label: request.t("field.contact_role")),
                Column(name: "contactEmail", label: request.t("field.contact_email"), kind: .email),
                Column(name: "contactOrganisation", label: request.t("field.contact_organisation")),
                Column(name: "contactOrganisationURL", label: request.t("field.contact_organisation_url"), kind: .url),
            ], values: contacts, request: request)
    }

    static func partners(_ partners: [[String]], error: String?, request: Request) -> FormField {
        field(
            "partners", label: request.t("field.partners"), hint: request.t("hint.partners"), error: error,
            columns: [
                Column(name: "partnerTitle", label: request.t("field.partner_name")),
                Column(name: "partnerURL", label: request.t("field.partner_url"), kind: .url),
                Column(name: "partnerLogo", label: request.t("field.partner_logo"), kind: .url),
            ], values: partners, request: request)
    }
}
