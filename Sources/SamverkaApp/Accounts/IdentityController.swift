import Fluent
import Vapor

/// Proving who one is: the emailed link that confirms an address, forgotten passwords, changing
/// the password or the address, and ending every session at once.
///
/// Links in mail only ever lead to a page with a button: mail scanners open links, and opening
/// one must not confirm or change anything.
struct IdentityController: Sendable {
    // MARK: Confirming the address after signing up

    @Sendable func signUpSent(request: Request) async throws -> Response {
        try await notice(
            request, heading: "account.check_inbox", paragraphs: ["account.sign_up_sent", "account.sent_spam"],
            links: [IdentityNoticePage.Link(href: SiteURL.signIn.path, label: request.t("account.sign_in"))])
    }

    @Sendable func confirmEmailPage(request: Request) async throws -> Response {
        guard try await validToken(request, .confirmEmail) != nil else { return try await invalidLink(request) }
        return try await notice(
            request, heading: "account.confirm_heading", paragraphs: ["account.confirm_text"],
            action: request.url.path, actionLabel: "account.confirm_button")
    }

    @Sendable func confirmEmail(request: Request) async throws -> Response {
        guard let token = try await validToken(request, .confirmEmail) else { return try await invalidLink(request) }
        let member = token.member
        try await request.db.transaction { database in
            token.usedAt = request.now
            try await token.save(on: database)
            if member.emailConfirmedAt == nil { member.emailConfirmedAt = request.now }
            try await member.save(on: database)
        }
        try await request.signIn(member)
        request.flash(request.t("flash.email_confirmed", ["name": member.name]))
        return request.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    // MARK: Forgotten password

    @Sendable func forgotForm(request: Request) async throws -> Response {
        try await renderForgot(request, input: ForgotPasswordInput(), errors: FieldErrors())
    }

    /// The answer is the same whether or not the address has an account.
    @Sendable func forgot(request: Request) async throws -> Response {
        let input = (try? request.content.decode(ForgotPasswordInput.self)) ?? ForgotPasswordInput()
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces)
        var errors = FieldErrors()
        errors.checkEmail("email", email, request)
        guard errors.isEmpty else {
            return try await renderForgot(request, input: input, errors: errors, status: .unprocessableEntity)
        }
        if let member = try await Member.find(email: email, on: request.db) {
            try await AccountMailer(app: request.application, now: request.now)
                .sendLink(.resetPassword, purpose: .resetPassword, to: member, on: request.db)
        }
        return request.redirect(to: SiteURL.forgotPasswordSent.path, redirectType: .normal)
    }

    @Sendable func forgotSent(request: Request) async throws -> Response {
        try await notice(
            request, heading: "account.check_inbox", paragraphs: ["account.forgot_sent", "account.sent_spam"],
            links: [IdentityNoticePage.Link(href: SiteURL.signIn.path, label: request.t("account.sign_in"))])
    }

    @Sendable func resetForm(request: Request) async throws -> Response {
        guard try await validToken(request, .resetPassword) != nil else { return try await invalidLink(request) }
        return try await renderNewPassword(request, action: request.url.path, askCurrent: false, errors: FieldErrors())
    }

    /// A new password, every session of the account ended, and this browser signed in.
    @Sendable func reset(request: Request) async throws -> Response {
        guard let token = try await validToken(request, .resetPassword) else { return try await invalidLink(request) }
        let input = (try? request.content.decode(NewPasswordInput.self)) ?? NewPasswordInput()
        var errors = FieldErrors()
        PasswordRules.check(input.password, confirmation: input.passwordConfirmation, into: &errors, request)
        guard errors.isEmpty, let password = input.password else {
            return try await renderNewPassword(
                request, action: request.url.path, askCurrent: false, errors: errors, status: .unprocessableEntity)
        }
        let member = token.member
        // Following the mailed link proves the address too.
        if member.emailConfirmedAt == nil { member.emailConfirmedAt = request.now }
        return try await setPassword(password, of: member, flash: "flash.password_reset", request) { database in
            token.usedAt = request.now
            try await token.save(on: database)
            // Every other reset link dies with this one.
            try await AccountToken.query(on: database).filter(\.$member.$id == member.requireID()).filter(
                \.$purpose == .resetPassword
            )
            .filter(\.$usedAt == nil).set(\.$usedAt, to: request.now).update()
        }
    }

    // MARK: Changes on the account page

    @Sendable func changePasswordForm(request: Request) async throws -> Response {
        try await renderNewPassword(
            request, action: SiteURL.changePassword.path, askCurrent: true, errors: FieldErrors())
    }

    @Sendable func changePassword(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let input = (try? request.content.decode(NewPasswordInput.self)) ?? NewPasswordInput()
        var errors = FieldErrors()
        try await checkCurrentPassword(input.currentPassword, of: member, into: &errors, request)
        PasswordRules.check(input.password, confirmation: input.passwordConfirmation, into: &errors, request)
        guard errors.isEmpty, let password = input.password else {
            return try await renderNewPassword(
                request, action: SiteURL.changePassword.path, askCurrent: true, errors: errors,
                status: .unprocessableEntity)
        }
        return try await setPassword(password, of: member, flash: "flash.password_changed", request)
    }

    /// A new password ends every session of the account but this browser's, and the owner is
    /// told by mail; `alongside` writes in the same transaction.
    private func setPassword(
        _ password: String, of member: Member, flash: String, _ request: Request,
        alongside: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> Response {
        member.passwordHash = try await request.hashPassword(password)
        member.endAllSessions()
        try await request.db.transaction { database in
            try await alongside(database)
            try await member.save(on: database)
            try await AccountMailer(app: request.application, now: request.now).send(
                .passwordChanged, to: member, on: database)
        }
        try await request.signIn(member)
        request.flash(request.t(flash))
        return request.redirect(to: SiteURL.account.path, redirectType: .normal)
    }

    @Sendable func changeEmailForm(request: Request) async throws -> Response {
        try await renderChangeEmail(request, input: ChangeEmailInput(), errors: FieldErrors())
    }

    /// Sends a link to the new address; the account keeps the old one until it is followed.
    @Sendable func changeEmail(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let input = (try? request.content.decode(ChangeEmailInput.self)) ?? ChangeEmailInput()
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var errors = FieldErrors()
        if email == member.email { errors.add("email", request.t("error.email_same")) }
        errors.checkEmail("email", email, request)
        try await checkCurrentPassword(input.currentPassword, of: member, into: &errors, request)
        guard errors.isEmpty else {
            return try await renderChangeEmail(request, input: input, errors: errors, status: .unprocessableEntity)
        }
        // An address taken by another account gets no link; the page says the same either way.
        if try await Member.find(email: email, on: request.db) == nil {
            try await AccountMailer(app: request.application, now: request.now)
                .sendLink(.changeEmail, purpose: .changeEmail, to: member, newEmail: email, on: request.db)
        }
        request.flash(request.t("flash.email_change_sent", ["email": email]))
        return request.redirect(to: SiteURL.account.path, redirectType: .normal)
    }

    @Sendable func confirmEmailChangePage(request: Request) async throws -> Response {
        guard let token = try await validToken(request, .changeEmail) else { return try await invalidLink(request) }
        return try await notice(
            request, heading: "account.change_email_heading", paragraphs: ["account.change_email_text"],
            values: ["email": token.newEmail], action: request.url.path, actionLabel: "account.change_email_button")
    }

    @Sendable func confirmEmailChange(request: Request) async throws -> Response {
        guard let token = try await validToken(request, .changeEmail) else { return try await invalidLink(request) }
        let member = token.member
        let old = member.email
        let taken = try await Member.find(email: token.newEmail, on: request.db) != nil
        try await request.db.transaction { database in
            token.usedAt = request.now
            try await token.save(on: database)
            guard !taken else { return }
            member.email = token.newEmail
            member.emailConfirmedAt = request.now
            try await member.save(on: database)
            try await AccountMailer(app: request.application, now: request.now).send(
                .emailChanged, to: member, address: old, on: database)
        }
        guard !taken else { return try await invalidLink(request) }
        if request.auth.get(Member.self)?.id == member.id { request.auth.login(member) }
        request.flash(request.t("flash.email_changed", ["email": member.email]))
        return request.redirect(
            to: request.auth.has(Member.self) ? SiteURL.account.path : SiteURL.signIn.path, redirectType: .normal)
    }

    @Sendable func signOutEverywhere(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        member.endAllSessions()
        try await member.save(on: request.db)
        request.auth.logout(Member.self)
        request.session.destroy()
        let heading = request.t("account.signed_out_everywhere_heading")
        return try await request.render(
            "Shared/error",
            ErrorPageMiddleware.ErrorPage(
                layout: request.layout(title: heading, section: .account), heading: heading,
                message: request.t("account.signed_out_everywhere_text"), status: 200
            ))
    }

    // MARK: Helpers

    private func validToken(_ request: Request, _ purpose: AccountToken.Purpose) async throws -> AccountToken? {
        guard let secret = request.parameters.get("token") else { return nil }
        return try await AccountToken.valid(secret, for: purpose, now: request.now, on: request.db)
    }

    private func checkCurrentPassword(
        _ password: String?, of member: Member, into errors: inout FieldErrors, _ request: Request
    ) async throws {
        let password = password ?? ""
        var valid = false
        if !password.isEmpty { valid = try await request.verifyPassword(password, against: member.passwordHash) }
        if !valid {
            errors.add("currentPassword", request.t(password.isEmpty ? "error.required" : "error.password_wrong"))
        }
    }

    private func invalidLink(_ request: Request) async throws -> Response {
        try await notice(
            request, heading: "account.link_invalid_heading", paragraphs: ["account.link_invalid_text"],
            status: .notFound,
            links: [
                IdentityNoticePage.Link(href: SiteURL.forgotPassword.path, label: request.t("account.forgot_link")),
                IdentityNoticePage.Link(href: SiteURL.signIn.path, label: request.t("account.sign_in")),
            ])
    }

    private func notice(
        _ request: Request, heading: String, paragraphs: [String], values: [String: String] = [:],
        action: String? = nil,
        actionLabel: String = "", status: HTTPStatus = .ok, links: [IdentityNoticePage.Link] = []
    ) async throws -> Response {
        let title = request.t(heading)
        let page = IdentityNoticePage(
            layout: request.layout(title: title, section: .account), heading: title,
            paragraphs: paragraphs.map { request.t($0, values) }, action: action,
            actionLabel: actionLabel.isEmpty ? "" : request.t(actionLabel), csrf: request.csrfToken, links: links
        )
        let response = try await request.render("Accounts/notice", page, status: status)
        // Pages reached by a secret link stay out of caches and other sites' logs.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    private func renderForgot(
        _ request: Request, input: ForgotPasswordInput, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        try await request.renderFormPage(
            heading: request.t("account.forgot_heading"), section: .account,
            form: FormContext(
                action: SiteURL.forgotPassword.path, submitLabel: request.t("account.forgot_button"),
                csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors),
            status: status
        )
    }

    private func renderNewPassword(
        _ request: Request, action: String, askCurrent: Bool, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let response = try await request.renderFormPage(
            heading: request.t(askCurrent ? "account.change_password_heading" : "account.reset_heading"),
            section: .account,
            form: FormContext(
                action: action, submitLabel: request.t("account.save_password"), csrf: request.csrfToken,
                fields: NewPasswordInput().fields(request, errors: errors, askCurrent: askCurrent), errors: errors),
            status: status
        )
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    private func renderChangeEmail(
        _ request: Request, input: ChangeEmailInput, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        try await request.renderFormPage(
            heading: request.t("account.change_email_form_heading"), section: .account,
            form: FormContext(
                action: SiteURL.changeEmail.path, submitLabel: request.t("account.change_email_send"),
                csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors),
            status: status
        )
    }
}
