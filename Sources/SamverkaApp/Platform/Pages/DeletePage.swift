import Vapor

/// "Do you want to delete …?" (or to cancel, or any step that cannot be undone) with the button
/// that does it and a way back (`Shared/delete`).
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
    func renderDeletePage(
        question: String, action: String, cancelHref: String, section: Section
    ) async throws -> Response {
        try await renderConfirmPage(
            heading: t("delete.title"), question: question, action: action, confirmLabel: t("delete.confirm"),
            cancelHref: cancelHref, cancelLabel: t("action.cancel"), section: section)
    }

    /// A question before a step that cannot be undone, with the button and a way back.
    func renderConfirmPage(
        heading: String, question: String, action: String, confirmLabel: String,
        cancelHref: String, cancelLabel: String, section: Section
    ) async throws -> Response {
        try await render(
            "Shared/delete",
            DeletePage(
                layout: layout(title: heading, section: section), heading: heading, question: question,
                action: action, csrf: csrfToken, confirmLabel: confirmLabel, cancelHref: cancelHref,
                cancelLabel: cancelLabel
            ))
    }
}
