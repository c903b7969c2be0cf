import Fluent
import Vapor

/// Two-factor sign-in with an authenticator app (RFC 6238): turning it on (the key is shown,
/// and one code from the app proves it was taken), the second step of signing in, recovery
/// codes for a lost phone, and turning it off.
struct TwoFactorController: Sendable {
    static let pendingSecretKey = "totp_pending_secret"
    /// Between the password and the code: who is signing in, where to, and since when.
    static let pendingMemberKey = "two_factor_member"
    static let pendingNextKey = "two_factor_next"
    static let pendingSinceKey = "two_factor_since"
    static let pendingLifetime: TimeInterval = 300
    static let recoveryCodeCount = 10

    // MARK: Turning it on and off

    @Sendable func show(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        if member.totpEnabledAt != nil { return try await renderEnabled(request, errors: FieldErrors()) }
        let secret = request.session.data[Self.pendingSecretKey] ?? TOTP.newSecret()
        request.session.data[Self.pendingSecretKey] = secret
        return try await renderSetup(request, member: member, secret: secret, errors: FieldErrors())
    }

    @Sendable func enable(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        guard member.totpEnabledAt == nil, let secret = request.session.data[Self.pendingSecretKey] else {
            return request.redirect(to: SiteURL.twoFactor.path, redirectType: .normal)
        }
        let code = (try? request.content.get(String.self, at: "code")) ?? ""
        guard let step = TOTP.matchingStep(code, secret: secret, at: request.now, after: 0) else {
            var errors = FieldErrors()
            errors.add("code", request.t("error.code_wrong"))
            return try await renderSetup(
                request, member: member, secret: secret, errors: errors, status: .unprocessableEntity)
        }
        let codes = (0..<Self.recoveryCodeCount).map { _ in Self.newRecoveryCode() }
        member.totpSecret = secret
        member.totpEnabledAt = request.now
        member.totpLastStep = step
        member.recoveryCodeHashes = codes.map(AccountToken.hash).joined(separator: " ")
        try await member.save(on: request.db)
        request.session.data[Self.pendingSecretKey] = nil
        let heading = request.t("two_factor.enabled_heading")
        let response = try await request.render(
            "Accounts/two-factor",
            TwoFactorSetupPage(
                layout: request.layout(title: heading, section: .account), heading: heading,
                intro: request.t("two_factor.recovery_intro"),
                key: nil, uri: nil, recoveryCodes: codes, form: nil
            ))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func disable(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        var errors = FieldErrors()
        let password = (try? request.content.get(String.self, at: "currentPassword")) ?? ""
        let valid = password.isEmpty ? false : try await request.verifyPassword(password, against: member.passwordHash)
        if !valid {
            errors.add("currentPassword", request.t(password.isEmpty ? "error.required" : "error.password_wrong"))
        }
        if try await TwoFactorPolicy.required(for: member.role, request) {
            errors.add("currentPassword", request.t("error.two_factor_required"))
        }
        guard errors.isEmpty else {
            return try await renderEnabled(request, errors: errors, status: .unprocessableEntity)
        }
        member.totpSecret = ""
        member.totpEnabledAt = nil
        member.totpLastStep = 0
        member.recoveryCodeHashes = ""
        try await member.save(on: request.db)
        request.flash(request.t("flash.two_factor_off"))
        return request.redirect(to: SiteURL.account.path, redirectType: .normal)
    }

    // MARK: The second step of signing in

    /// Called by sign-in once the password is right: remembers who is half-way in.
    static func begin(_ request: Request, member: Member, next: String) throws -> Response {
        request.session.data[pendingMemberKey] = try member.requireID().uuidString
        request.session.data[pendingNextKey] = next
        request.session.data[pendingSinceKey] = SignInSessionPolicy.text(request.now)
        return request.redirect(to: SiteURL.signInCode.path, redirectType: .normal)
    }

    @Sendable func codeForm(request: Request) async throws -> Response {
        guard try await pendingMember(request) != nil else {
            return request.redirect(to: SiteURL.signIn.path, redirectType: .normal)
        }
        return try await renderCode(request, errors: FieldErrors())
    }

    @Sendable func code(request: Request) async throws -> Response {
        guard let member = try await pendingMember(request) else {
            return request.redirect(to: SiteURL.signIn.path, redirectType: .normal)
        }
        try request.application.rateLimiter.enforce(.signInAccount, client: member.email)
        let given = ((try? request.content.get(String.self, at: "code")) ?? "").trimmingCharacters(in: .whitespaces)
        if let step = TOTP.matchingStep(given, secret: member.totpSecret, at: request.now, after: member.totpLastStep) {
            member.totpLastStep = step
        } else if let used = Self.recoveryCodeMatch(given, member: member) {
            member.recoveryCodeHashes = member.recoveryCodeHashes.split(separator: " ").filter { $0 != used }.joined(
                separator: " ")
            request.flash(
                request.t(
                    "flash.recovery_code_used", ["left": "\(member.recoveryCodeHashes.split(separator: " ").count)"]))
        } else {
            var errors = FieldErrors()
            errors.add("code", request.t("error.code_wrong"))
            return try await renderCode(request, errors: errors, status: .unauthorized)
        }
        try await member.save(on: request.db)
        let next = request.session.data[Self.pendingNextKey] ?? SiteURL.home.path
        for key in [Self.pendingMemberKey, Self.pendingNextKey, Self.pendingSinceKey] {
            request.session.data[key] = nil
        }
        try await request.signIn(member)
        return request.redirect(to: SignInInput(email: nil, password: nil, next: next).safeNext, redirectType: .normal)
    }

    // MARK: Helpers

    private func pendingMember(_ request: Request) async throws -> Member? {
        guard let text = request.session.data[Self.pendingMemberKey], let id = UUID(uuidString: text),
            let since = SignInSessionPolicy.time(request.session.data[Self.pendingSinceKey]),
            request.now.timeIntervalSince(since) < Self.pendingLifetime,
            let member = try await Member.find(id, on: request.db), member.totpEnabledAt != nil,
            member.suspendedAt == nil
        else { return nil }
        return member
    }

    /// A recovery code is ten letters and digits in two groups, easy to type from paper.
    static func newRecoveryCode() -> String {
        let letters = Array("abcdefghjkmnpqrstuvwxyz23456789")
        let characters = (0..<10).map { _ in letters[Int.random(in: 0..<letters.count)] }
        return String(characters[0..<5]) + "-" + String(characters[5..<10])
    }

    private static func recoveryCodeMatch(_ given: String, member: Member) -> Substring? {
        let hash = AccountToken.hash(given.lowercased())
        return member.recoveryCodeHashes.split(separator: " ").first { $0 == hash }
    }

    private func renderSetup(
        _ request: Request, member: Member, secret: String, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = request.t("two_factor.setup_heading")
        let grouped = stride(from: 0, to: secret.count, by: 4).map { offset in
            String(secret.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
        let field = FormField(
            "code", label: request.t("field.code"), error: errors["code"], hint: request.t("hint.code"), required: true,
            autocomplete: "one-time-code")
        let response = try await request.render(
            "Accounts/two-factor",
            TwoFactorSetupPage(
                layout: request.layout(title: heading, section: .account), heading: heading,
                intro: request.t("two_factor.setup_intro"),
                key: grouped,
                uri: TOTP.provisioningURI(
                    secret: secret, account: member.email, issuer: request.application.settings.siteName),
                recoveryCodes: [],
                form: FormContext(
                    action: SiteURL.twoFactor.path, submitLabel: request.t("two_factor.turn_on"),
                    csrf: request.csrfToken, fields: [field], errors: errors)
            ), status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func renderEnabled(
        _ request: Request, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading = request.t("two_factor.on_heading")
        let field = FormField(
            "currentPassword", label: request.t("field.current_password"), kind: .password,
            error: errors["currentPassword"],
            required: true, autocomplete: "current-password")
        return try await request.render(
            "Accounts/two-factor",
            TwoFactorSetupPage(
                layout: request.layout(title: heading, section: .account), heading: heading,
                intro: request.t("two_factor.on_intro"),
                key: nil, uri: nil, recoveryCodes: [],
                form: FormContext(
                    action: SiteURL.twoFactorOff.path, submitLabel: request.t("two_factor.turn_off"),
                    csrf: request.csrfToken, fields: [field], errors: errors)
            ), status: status)
    }

    private func renderCode(_ request: Request, errors: FieldErrors, status: HTTPStatus = .ok) async throws -> Response
    {
        let field = FormField(
            "code", label: request.t("field.code"), error: errors["code"], hint: request.t("hint.sign_in_code"),
            required: true, autocomplete: "one-time-code")
        return try await request.renderFormPage(
            heading: request.t("two_factor.code_heading"), section: .account,
            form: FormContext(
                action: SiteURL.signInCode.path, submitLabel: request.t("account.sign_in"), csrf: request.csrfToken,
                fields: [field], errors: errors),
            status: status
        )
    }
}

/// Which staff must sign in with two factors: the stricter of the operator's
/// `SAMVERKA_REQUIRE_TWO_FACTOR` and the admins' choice on the members page.
enum TwoFactorPolicy: String, CaseIterable, Sendable {
    case none, admins, staff

    var roles: Set<Role> {
        switch self {
        case .none: []
        case .admins: [.admin]
        case .staff: [.admin, .moderator]
        }
    }

    /// The admins' choice (`none` until they make one).
    static func chosen(on database: any Database) async throws -> TwoFactorPolicy {
        try await NetworkSetting.value(of: .twoFactorRequired, on: database).flatMap(Self.init(rawValue:)) ?? .none
    }

    static func required(for role: Role, _ request: Request) async throws -> Bool {
        // Members are never required, so their requests never read the setting.
        guard role != .member else { return false }
        if request.application.settings.twoFactorRoles.contains(role.rawValue) { return true }
        return try await chosen(on: request.db).roles.contains(role)
    }
}

/// Where two factors are required for a role, a member of it who has not set them up can only
/// set them up (or sign out) until they have.
struct TwoFactorRequirement: AsyncMiddleware {
    static let open: Set<String> = [SiteURL.twoFactor.path, SiteURL.signOut.path, SiteURL.healthz.path]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let member = request.auth.get(Member.self), member.totpEnabledAt == nil,
            !Self.open.contains(request.url.path),
            try await TwoFactorPolicy.required(for: member.role, request)
        else { return try await next.respond(to: request) }
        guard request.method == .GET else { throw Abort(.forbidden) }
        request.flash(request.t("flash.two_factor_required"))
        return request.redirect(to: SiteURL.twoFactor.path, redirectType: .normal)
    }
}
