import Fluent
import Vapor

/// The fields special to a local group, as typed into its form.
struct LocalGroupDetailsInput: ContentDetailsInput {
    var contacts: String?
    var partners: String?

    init() {}

    init(item: LocalGroup, request: Request) async throws {
        contacts = LineLists.text(item.contacts)
        partners = LineLists.text(item.partners)
    }

    func apply(to group: LocalGroup, request: Request, errors: inout FieldErrors) async throws {
        switch LineLists.contacts(contacts ?? "") {
        case .success(let value): group.contacts = value
        case .failure(let error): errors.add("contacts", request.t(error.key, ["line": "\(error.line)"]))
        }
        switch LineLists.partners(partners ?? "") {
        case .success(let value): group.partners = value
        case .failure(let error): errors.add("partners", request.t(error.key, ["line": "\(error.line)"]))
        }
    }

    func fields(request: Request, errors: FieldErrors) async throws -> [FormField] {
        [
            FormField("contacts", label: request.t("field.contacts"), kind: .textarea, value: contacts ?? "", error: errors["contacts"], hint: request.t("hint.contacts")),
            FormField("partners", label: request.t("field.partners"), kind: .textarea, value: partners ?? "", error: errors["partners"], hint: request.t("hint.partners")),
        ]
    }
}

extension LocalGroup: EditableContent {
    typealias Details = LocalGroupDetailsInput
    static var section: Section { .groups }
    static var nounKey: String { "group" }
}
