import Fluent
import Vapor

/// Programme editions: the archive, an edition's page, and the admins' form.
struct ProgrammeController: Sendable {
    @Sendable func index(request: Request) async throws -> Response {
        let programmes = try await Programme.query(on: request.db).sort(\.$firstDay, .descending).all()
        let dates = request.dates
        let now = request.now
        let calendar = request.application.calendar
        let heading = request.t("programme.index_title")
        let context = ProgrammeIndexPage(
            layout: request.layout(
                title: heading, section: .programmes, description: request.t("programme.index_intro")),
            heading: heading,
            intro: request.t("programme.index_intro"),
            programmes: programmes.map {
                ProgrammeCard(
                    name: $0.name, href: SiteURL.programmes(.show(.value($0.slug))).path,
                    days: dates.date($0.firstDay) + " – " + dates.date($0.lastDay),
                    isCurrent: now < $0.end(calendar: calendar))
            },
            newHref: request.auth.get(Member.self)?.role == .admin ? SiteURL.programmes(.new).path : nil
        )
        return try await request.render("Programmes/index", context)
    }

    // MARK: Admin form

    @Sendable func new(request: Request) async throws -> Response {
        try await renderForm(request, editing: nil, input: ProgrammeInput(), errors: FieldErrors())
    }

    @Sendable func create(request: Request) async throws -> Response {
        try await save(request, programme: Programme(), editing: nil)
    }

    @Sendable func edit(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        return try await renderForm(
            request, editing: (programme.slug, programme.name), input: ProgrammeInput(programme, dates: request.dates),
            errors: FieldErrors())
    }

    @Sendable func update(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        return try await save(request, programme: programme, editing: (programme.slug, programme.name))
    }

    private func save(
        _ request: Request, programme: Programme, editing: (slug: String, name: String)?
    ) async throws -> Response {
        let input = (try? request.content.decode(ProgrammeInput.self)) ?? ProgrammeInput()
        var errors = FieldErrors()
        // "Add rows" without a script: the same form with more empty rows, nothing saved.
        if request.wantsMoreRows {
            return try await renderForm(request, editing: editing, input: input, errors: errors)
        }
        try await input.apply(to: programme, request: request, errors: &errors)
        guard errors.isEmpty else {
            return try await renderForm(
                request, editing: editing, input: input, errors: errors, status: .unprocessableEntity)
        }
        try await programme.save(on: request.db)
        request.flash(request.t("flash.saved", ["title": programme.name]))
        return request.redirect(to: SiteURL.programmes(.show(.value(programme.slug))).path, redirectType: .normal)
    }

    private func renderForm(
        _ request: Request, editing: (slug: String, name: String)?, input: ProgrammeInput, errors: FieldErrors,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = editing.map { request.t("programme.edit", ["title": $0.name]) } ?? request.t("programme.new")
        let action = editing.map { SiteURL.programmes(.edit(.value($0.slug))).path } ?? SiteURL.programmes(.index).path
        return try await request.renderFormPage(
            heading: heading, section: .programmes,
            form: FormContext(
                action: action, submitLabel: request.t("action.save"), csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors), status: status)
    }
}
