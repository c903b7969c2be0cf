import Fluent
import Vapor

/// The fields special to a local group, as typed into its form.
struct LocalGroupDetailsInput: ContentDetailsInput {
    var contactName: [String]?
    var contactRole: [String]?
    var contactEmail: [String]?
    var contactOrganisation: [String]?
    var contactOrganisationURL: [String]?
    var partnerTitle: [String]?
    var partnerURL: [String]?
    var partnerLogo: [String]?

    init() {}

    init(item: LocalGroup, request: Request) async throws {
        (contactName, contactRole, contactEmail, contactOrganisation, contactOrganisationURL) = ContactPerson.columns(
            item.contacts)
        (partnerTitle, partnerURL, partnerLogo) = Partner.columns(item.partners)
    }

    func apply(to group: LocalGroup, request: Request, errors: inout FieldErrors) async throws {
        switch LineLists.contacts(
            name: contactName, role: contactRole, email: contactEmail, organisation: contactOrganisation,
            organisationURL: contactOrganisationURL)
        {
        case .success(let value): group.contacts = value
        case .failure(let error): errors.add("contacts", request.t(error.key, ["line": "\(error.line)"]))
        }
        switch LineLists.partners(title: partnerTitle, url: partnerURL, logo: partnerLogo) {
        case .success(let value): group.partners = value
        case .failure(let error): errors.add("partners", request.t(error.key, ["line": "\(error.line)"]))
        }
    }

    func fields(request: Request, errors: FieldErrors) async throws -> [FormField] {
        [
            FormRows.contacts(
                FormRows.filled([contactName, contactRole, contactEmail, contactOrganisation, contactOrganisationURL])
                    .map(\.cells),
                error: errors["contacts"], request: request),
            FormRows.partners(
                FormRows.filled([partnerTitle, partnerURL, partnerLogo]).map(\.cells), error: errors["partners"],
                request: request),
        ]
    }
}

extension LocalGroup: EditableContent, DirectoryContent {
    typealias Details = LocalGroupDetailsInput
    static var section: Section { .groups }
    static var nounKey: String { "group" }
    static func url(_ route: ContentRoute) -> SiteURL { .groups(route) }
}
