import Fluent
import Vapor

/// The fields special to a project, as typed into its form.
struct ProjectDetailsInput: ContentDetailsInput {
    var linkTitle: [String]?
    var linkURL: [String]?
    var contactName: [String]?
    var contactRole: [String]?
    var contactEmail: [String]?
    var contactOrganisation: [String]?
    var contactOrganisationURL: [String]?
    var chat: String?
    var tags: String?
    var localGroup: String?
    /// The events the project took part in, a row each, as `EventNames` reads them.
    var eventName: [String]?

    init() {}

    init(item: Project, request: Request) async throws {
        (linkTitle, linkURL) = ContentLink.columns(item.links)
        (contactName, contactRole, contactEmail, contactOrganisation, contactOrganisationURL) = ContactPerson.columns(
            item.contacts)
        chat = item.chat
        tags = item.tags.joined(separator: ", ")
        localGroup = try await item.$localGroup.get(on: request.db)?.slug
        eventName = try await item.$events.get(on: request.db).map { EventNames.display($0, request: request) }
    }

    func apply(to project: Project, request: Request, errors: inout FieldErrors) async throws {
        switch LineLists.links(title: linkTitle, url: linkURL) {
        case .success(let value): project.links = value
        case .failure(let error): errors.add("links", request.t(error.key, ["line": "\(error.line)"]))
        }
        switch LineLists.contacts(
            name: contactName, role: contactRole, email: contactEmail, organisation: contactOrganisation,
            organisationURL: contactOrganisationURL)
        {
        case .success(let value): project.contacts = value
        case .failure(let error): errors.add("contacts", request.t(error.key, ["line": "\(error.line)"]))
        }
        let chat = (self.chat ?? "").trimmingCharacters(in: .whitespaces)
        project.chat = chat.isEmpty ? nil : chat
        project.tags = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        switch try await LocalGroupOptions.resolve(localGroup, on: request.db) {
        case .success(let id): project.$localGroup.id = id
        case .failure(let problem): errors.add("localGroup", request.t(problem.key))
        }
        if case .failure(let unknown) = try await EventNames.resolve(eventName, request: request, on: request.db) {
            errors.add("events", request.t("error.unknown_event", ["row": "\(unknown.row)", "name": unknown.name]))
        }
    }

    func afterSave(_ project: Project, request: Request, on database: any Database) async throws {
        let wanted = try await EventNames.resolve(eventName, request: request, on: database).get()
        try await project.$events.detachAll(on: database)
        try await project.$events.attach(wanted, on: database)
    }

    func fields(request: Request, errors: FieldErrors) async throws -> [FormField] {
        [
            FormRows.links(
                FormRows.filled([linkTitle, linkURL]).map(\.cells), error: errors["links"], request: request),
            FormRows.contacts(
                FormRows.filled([contactName, contactRole, contactEmail, contactOrganisation, contactOrganisationURL])
                    .map(\.cells),
                error: errors["contacts"], request: request),
            FormField(
                "chat", label: request.t("field.chat"), value: chat ?? "", error: errors["chat"],
                hint: request.t("hint.chat")),
            FormField(
                "tags", label: request.t("field.tags"), value: tags ?? "", error: errors["tags"],
                hint: request.t("hint.tags")),
            FormField(
                "localGroup", label: request.t("field.local_group"), kind: .select, error: errors["localGroup"],
                options: try await LocalGroupOptions.options(request, selected: localGroup)),
            FormRows.field(
                "events", label: request.t("field.project_events"), hint: request.t("hint.project_events"),
                error: errors["events"],
                columns: [
                    FormRows.Column(
                        name: "eventName", label: request.t("field.event_name"), autocomplete: "off",
                        list: "list-events")
                ],
                values: FormRows.filled([eventName]).map(\.cells), request: request,
                suggestions: try await EventNames.suggestions(request)),
        ]
    }
}

extension Project: EditableContent, DirectoryContent {
    typealias Details = ProjectDetailsInput
    static var section: Section { .projects }
    static var nounKey: String { "project" }
    static func url(_ route: ContentRoute) -> SiteURL { .projects(route) }
    static var indexFeed: SiteURL? { .projects(.indexFeed) }
}
