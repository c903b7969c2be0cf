import Fluent
import Vapor

/// The create, edit and delete pages every kind of content shares. Handlers stay thin: decode,
/// check, save in one transaction, redirect; on a bad field the form comes back with status 422,
/// every value kept and the message beside the field.
struct ContentEditor<Item: EditableContent>: Sendable {
    @Sendable func new(request: Request) async throws -> Response {
        guard try await Item.mayCreate(request) else { throw Abort(.forbidden) }
        return try await renderForm(
            request, editing: nil, basics: ContentBasicsInput(), details: try await Item.Details.starting(request),
            errors: FieldErrors())
    }

    @Sendable func create(request: Request) async throws -> Response {
        guard try await Item.mayCreate(request) else { throw Abort(.forbidden) }
        return try await save(request, item: Item(), isNew: true)
    }

    @Sendable func edit(request: Request) async throws -> Response {
        let item = try await editable(request)
        return try await renderForm(
            request, editing: Editing(item), basics: ContentBasicsInput(item),
            details: try await Item.Details(item: item, request: request), errors: FieldErrors())
    }

    @Sendable func update(request: Request) async throws -> Response {
        try await save(request, item: try await editable(request), isNew: false)
    }

    @Sendable func confirmDelete(request: Request) async throws -> Response {
        let item = try await editable(request)
        return try await request.renderDeletePage(
            question: request.t("delete.question", ["title": item.title]),
            action: Item.url(.delete(.value(item.slug))).path, cancelHref: item.showURL.path, section: Item.section)
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let item = try await editable(request)
        // Gone for good; an unpublished event (see `Event.unpublishedAt`) too.
        try await item.delete(force: true, on: request.db)
        request.flash(request.t("flash.deleted", ["title": item.title]))
        return request.redirect(to: Item.url(.index).path, redirectType: .normal)
    }

    /// The item of the address, if the member may change it.
    private func editable(_ request: Request) async throws -> Item {
        guard let slug = request.parameters.get("slug"),
            let item = try await Item.find(slug: slug, includingUnpublished: true, on: request.db)
        else { throw Abort(.notFound) }
        guard try await item.mayEdit(request) else { throw Abort(.forbidden) }
        return item
    }

    /// The item as it was before the form changed it: its address and title stay those of the
    /// saved item until the changes are valid.
    private struct Editing {
        let slug: String
        let title: String

        init(_ item: Item) {
            slug = item.slug
            title = item.title
        }
    }

    private func save(_ request: Request, item: Item, isNew: Bool) async throws -> Response {
        let editing = isNew ? nil : Editing(item)
        let basics = (try? request.content.decode(ContentBasicsInput.self)) ?? ContentBasicsInput()
        let details = (try? request.content.decode(Item.Details.self)) ?? Item.Details()
        var errors = FieldErrors()
        // "Add rows" without a script: the same form with more empty rows, nothing saved.
        if request.wantsMoreRows {
            return try await renderForm(request, editing: editing, basics: basics, details: details, errors: errors)
        }
        try await basics.apply(to: item, request: request, errors: &errors)
        try await details.apply(to: item, request: request, errors: &errors)
        ImageUpload.settle(request, errors: &errors)
        guard errors.isEmpty else {
            return try await renderForm(
                request, editing: editing, basics: basics, details: details, errors: errors,
                status: .unprocessableEntity)
        }
        let unpublished = item.isUnpublished
        try await request.db.transaction { database in
            // Fluent writes no change to a soft-deleted (unpublished) row: it is put back for
            // the write and taken off again, all in one transaction.
            if unpublished { try await item.restore(on: database) }
            try await item.save(on: database)
            try await details.afterSave(item, request: request, on: database)
            if unpublished {
                try await item.delete(on: database)
                try await item.changedWhileUnpublished(by: request, on: database)
            }
        }
        request.flash(request.t(unpublished ? "flash.saved_unpublished" : "flash.saved", ["title": item.title]))
        return request.redirect(to: item.showURL.path, redirectType: .normal)
    }

    private func renderForm(
        _ request: Request, editing: Editing?, basics: ContentBasicsInput, details: Item.Details,
        errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading =
            editing.map { request.t("\(Item.nounKey).edit", ["title": $0.title]) } ?? request.t("\(Item.nounKey).new")
        let action = editing.map { Item.url(.edit(.value($0.slug))).path } ?? Item.url(.index).path
        let fields =
            basics.fields(request: request, errors: errors)
            + (try await details.fields(request: request, errors: errors))
        let form = FormContext(
            action: action, submitLabel: request.t("action.save"), csrf: request.csrfToken, fields: fields,
            errors: errors)
        return try await request.renderFormPage(
            heading: heading, section: Item.section, form: form,
            deleteHref: editing.map { Item.url(.delete(.value($0.slug))).path }, status: status)
    }
}
