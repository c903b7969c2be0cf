import Vapor

/// "Do you want to delete …?" with the button that does it and a way back (`Shared/delete`).
struct DeletePage: Encodable {
    let layout: LayoutContext
    let heading: String
    let question: String
    let action: String
    let csrf: String
    let confirmLabel: String
    let cancelHref: String
    let cancelLabel: String
}

extension Request {
    func renderDeletePage(question: String, action: String, cancelHref: String, section: Section) async throws -> Response {
        try await render("Shared/delete", DeletePage(
            layout: layout(title: t("delete.title"), section: section), heading: t("delete.title"), question: question,
            action: action, csrf: csrfToken, confirmLabel: t("delete.confirm"), cancelHref: cancelHref, cancelLabel: t("action.cancel")
        ))
    }
}
