import Fluent
import Vapor

/// The member's profile: the name others see, the language Samverka speaks to them (pages and
/// mail), and which notifications are also mailed.
struct ProfileController: Sendable {
    struct Input: Content {
        var name: String?
        var language: String?
        var notifyByMail: String?
        var notifySignUps: String?
    }

    @Sendable func show(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let input = Input(
            name: member.name, language: member.language,
            notifyByMail: member.notifyByMail ? "true" : nil, notifySignUps: member.notifySignUps ? "true" : nil)
        return try await render(request, input: input, errors: FieldErrors())
    }

    @Sendable func save(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let input = (try? request.content.decode(Input.self)) ?? Input()
        var errors = FieldErrors()
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        errors.checkMemberName("name", name, request)
        let language = Language(rawValue: input.language ?? "")
        if language == nil { errors.add("language", request.t("error.choose_one")) }
        guard errors.isEmpty, let language else {
            return try await render(request, input: input, errors: errors, status: .unprocessableEntity)
        }
        member.name = name
        member.language = language.rawValue
        member.notifyByMail = input.notifyByMail == "true"
        member.notifySignUps = input.notifySignUps == "true"
        try await member.save(on: request.db)
        request.flash(request.application.catalogue.text("flash.profile_saved", language, [:]))
        // `?lang=` speaks the new language at once, and keeps it, as the switcher does.
        return request.redirect(to: SiteURL.account.path + "?lang=" + language.rawValue, redirectType: .normal)
    }

    private func render(
        _ request: Request, input: Input, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let languages = Language.allCases.map {
            FormField.Option(
                value: $0.rawValue, label: request.t("language.\($0.rawValue)"), selected: $0.rawValue == input.language
            )
        }
        let fields = [
            FormField(
                "name", label: request.t("field.name"), value: input.name ?? "", error: errors["name"],
                hint: request.t("hint.profile_name"), required: true, autocomplete: "name"),
            FormField(
                "language", label: request.t("field.profile_language"), kind: .select, error: errors["language"],
                hint: request.t("hint.profile_language"), required: true, options: languages),
            FormField(
                "notifyByMail", label: request.t("field.notify_by_mail"), kind: .checkbox,
                value: input.notifyByMail == "true" ? "true" : "",
                hint: request.t("hint.notify_by_mail")),
            FormField(
                "notifySignUps", label: request.t("field.notify_sign_ups"), kind: .checkbox,
                value: input.notifySignUps == "true" ? "true" : "",
                hint: request.t("hint.notify_sign_ups")),
        ]
        let response = try await request.renderFormPage(
            heading: request.t("account.profile_heading"), section: .account,
            form: FormContext(
                action: SiteURL.accountProfile.path, submitLabel: request.t("action.save"), csrf: request.csrfToken,
                fields: fields, errors: errors),
            status: status
        )
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
