import Fluent
import Vapor

/// The member's own account page: their lists, a download of everything Samverka holds about
/// them, and deleting the account.
struct MyAccountController: Sendable {
    @Sendable func show(request: Request) async throws -> Response {
        try await render(request, errors: FieldErrors())
    }

    @Sendable func data(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let settings = request.application.settings
        let data = try await MemberData.gather(
            for: member, site: settings.siteName,
            context: PersonalDataContext(app: request.application, now: request.now, baseURL: settings.publicURL))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let day = request.dates.machine(request.now).prefix(10)
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"samverka-\(day).json\"",
                "Cache-Control": "no-store",
            ], body: .init(data: try encoder.encode(data)))
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let password = (try? request.content.get(String.self, at: "password")) ?? ""
        var errors = FieldErrors()
        let valid = try await request.verifyPassword(password, against: member.passwordHash)
        if !valid { errors.add("password", request.t(password.isEmpty ? "error.required" : "error.password_wrong")) }
        guard errors.isEmpty else { return try await render(request, errors: errors, status: .unprocessableEntity) }
        do {
            try await AccountDeletion(app: request.application, now: request.now).delete(member)
        } catch is AccountDeletion.LastAdmin {
            errors.add("password", request.t("error.last_admin"))
            return try await render(request, errors: errors, status: .unprocessableEntity)
        } catch let refused as ErasureRefused {
            errors.add("password", request.t(refused.key, refused.values))
            return try await render(request, errors: errors, status: .unprocessableEntity)
        }
        request.auth.logout(Member.self)
        request.session.destroy()
        let heading = request.t("account.deleted")
        return try await request.render(
            "Shared/error",
            ErrorPageMiddleware.ErrorPage(
                layout: request.layout(title: heading, section: .none), heading: heading,
                message: request.t("account.deleted_message"), status: 200
            ))
    }

    private func render(_ request: Request, errors: FieldErrors, status: HTTPStatus = .ok) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let heading = request.t("account.title")
        let fields = [
            FormField(
                "password", label: request.t("field.password"), kind: .password, error: errors["password"],
                hint: request.t("account.delete_password_hint"), required: true, autocomplete: "current-password")
        ]
        let page = MyAccountPage(
            layout: request.layout(title: heading, section: .account), heading: heading,
            name: member.name, email: member.email,
            since: member.createdAt.map { request.dates.date($0) } ?? "",
            registrationsHref: SiteURL.myRegistrations.path, activitiesHref: SiteURL.myActivities.path,
            dataHref: SiteURL.accountData.path,
            calendarURL: member.calendarToken.isEmpty
                ? nil
                : request.application.settings.publicURL + SiteURL.memberCalendar(.value(member.calendarToken)).path,
            calendarAction: SiteURL.resetMemberCalendar.path,
            changePasswordHref: SiteURL.changePassword.path,
            changeEmailHref: SiteURL.changeEmail.path,
            signOutEverywhereAction: SiteURL.signOutEverywhere.path,
            csrf: request.csrfToken,
            form: FormContext(
                action: SiteURL.deleteAccount.path, submitLabel: request.t("account.delete_button"),
                csrf: request.csrfToken, fields: fields, errors: errors)
        )
        let response = try await request.render("Accounts/account", page, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
