import Fluent
import Vapor

/// Sign-up, sign-in and sign-out.
struct AccountController: Sendable {
    @Sendable func signUpForm(request: Request) async throws -> Response {
        try await renderSignUp(request, input: SignUpInput(), errors: FieldErrors())
    }

    /// Always ends on "check your inbox": a new address gets the link that confirms it, an
    /// address with an account gets a note to its owner, and the page tells neither apart.
    @Sendable func signUp(request: Request) async throws -> Response {
        if request.auth.has(Member.self) { return request.redirect(to: SiteURL.account.path, redirectType: .normal) }
        let input = (try? request.content.decode(SignUpInput.self)) ?? SignUpInput()
        let errors = input.validate(request)
        guard errors.isEmpty, let email = input.email, let password = input.password, let name = input.name else {
            return try await renderSignUp(request, input: input, errors: errors, status: .unprocessableEntity)
        }
        // Hashed either way, so the time the answer takes tells nothing either.
        let hash = try await request.hashPassword(password)
        let mailer = AccountMailer(app: request.application, now: request.now)
        if let existing = try await Member.find(email: email, on: request.db) {
            try await mailer.send(.alreadyRegistered, to: existing, on: request.db)
        } else {
            let member = Member(
                email: email.trimmingCharacters(in: .whitespaces), name: name.trimmingCharacters(in: .whitespaces),
                passwordHash: hash, role: .member, language: request.language, emailConfirmedAt: nil)
            do {
                try await request.db.transaction { database in
                    try await member.save(on: database)
                    try await mailer.sendLink(.confirmEmail, purpose: .confirmEmail, to: member, on: database)
                }
            } catch {
                // Two sign-ups with one address at once: the second finds the first's account.
                guard let existing = try await Member.find(email: email, on: request.db) else { throw error }
                try await mailer.send(.alreadyRegistered, to: existing, on: request.db)
            }
        }
        return request.redirect(to: SiteURL.signUpSent.path, redirectType: .normal)
    }

    @Sendable func signInForm(request: Request) async throws -> Response {
        let next = try? request.query.get(String.self, at: "next")
        return try await renderSignIn(
            request, input: SignInInput(email: nil, password: nil, next: next), errors: FieldErrors())
    }

    /// Tries are counted per client address (by the route's limiter) and per account tried,
    /// so neither many addresses against one account nor one address against many gets far.
    @Sendable func signIn(request: Request) async throws -> Response {
        if request.auth.has(Member.self) { return request.redirect(to: SiteURL.account.path, redirectType: .normal) }
        let input = (try? request.content.decode(SignInInput.self)) ?? SignInInput()
        let email = (input.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !email.isEmpty { try request.application.rateLimiter.enforce(.signInAccount, client: email) }
        let password = input.password ?? ""
        let member = email.isEmpty ? nil : try await Member.find(email: email, on: request.db)
        // Hash even when no member matched, so timing does not reveal which addresses exist.
        let valid: Bool
        if let member {
            valid = try await request.verifyPassword(password, against: member.passwordHash)
        } else {
            _ = try await request.hashPassword(password.isEmpty ? "-" : password)
            valid = false
        }
        // The form again, the address kept, with why signing in did not happen.
        func refused(_ message: String, _ status: HTTPStatus) async throws -> Response {
            var errors = FieldErrors()
            errors.add("email", message)
            return try await renderSignIn(
                request, input: SignInInput(email: input.email, password: nil, next: input.next), errors: errors,
                status: status)
        }
        guard valid, let member else { return try await refused(request.t("error.sign_in_failed"), .unauthorized) }
        guard member.suspendedAt == nil else {
            return try await refused(
                request.t(
                    "error.account_suspended",
                    ["reason": member.suspensionReason, "contact": request.application.settings.contactEmail]),
                .forbidden)
        }
        guard member.emailConfirmedAt != nil else {
            // The right password proves enough to send the link again, to the address itself.
            try await AccountMailer(app: request.application, now: request.now)
                .sendLink(.confirmEmail, purpose: .confirmEmail, to: member, on: request.db)
            return try await refused(request.t("error.email_unconfirmed"), .forbidden)
        }
        if member.totpEnabledAt != nil {
            return try TwoFactorController.begin(request, member: member, next: input.safeNext)
        }
        try await request.signIn(member)
        return request.redirect(to: input.safeNext, redirectType: .normal)
    }

    @Sendable func signOut(request: Request) async throws -> Response {
        request.auth.logout(Member.self)
        request.session.destroy()
        return request.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    private func renderSignUp(
        _ request: Request, input: SignUpInput, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = request.t("account.sign_up")
        let page = AccountPage(
            layout: request.layout(title: heading, section: .account),
            heading: heading,
            form: FormContext(
                action: SiteURL.signUp.path, submitLabel: request.t("account.sign_up"), csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors),
            otherHref: SiteURL.signIn.path,
            otherLabel: request.t("account.have_account"),
            forgotHref: nil
        )
        return try await request.render("Accounts/form", page, status: status)
    }

    private func renderSignIn(
        _ request: Request, input: SignInInput, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = request.t("account.sign_in")
        let page = AccountPage(
            layout: request.layout(title: heading, section: .account),
            heading: heading,
            form: FormContext(
                action: SiteURL.signIn.path, submitLabel: request.t("account.sign_in"), csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors),
            otherHref: SiteURL.signUp.path,
            otherLabel: request.t("account.no_account"),
            forgotHref: SiteURL.forgotPassword.path
        )
        return try await request.render("Accounts/form", page, status: status)
    }
}
