import Vapor

/// A page that is one form under a heading (`Shared/edit`), as the editors of organisations,
/// programme editions and content draw it.
struct FormPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let form: FormContext
    let deleteHref: String?
    let deleteLabel: String
}

extension Request {
    func renderFormPage(
        heading: String, section: Section, form: FormContext, deleteHref: String? = nil, status: HTTPStatus
    ) async throws -> Response {
        let page = FormPage(
            layout: layout(title: heading, section: section), heading: heading, form: form,
            deleteHref: deleteHref, deleteLabel: t("action.delete"))
        return try await render("Shared/edit", page, status: status)
    }
}
