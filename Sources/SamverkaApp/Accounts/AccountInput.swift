import Vapor

/// The sign-up form as typed; every field optional so a half-filled form comes back intact.
struct SignUpInput: Content {
    var name: String?
    var email: String?
    var password: String?
    var passwordConfirmation: String?

    /// Whether the address already has an account is not checked here: the answer to a
    /// sign-up is the same either way ("check your inbox"), and only the owner of the address
    /// learns, by mail, that it has one.
    func validate(_ request: Request) -> FieldErrors {
        var errors = FieldErrors()
        errors.checkMemberName("name", (self.name ?? "").trimmingCharacters(in: .whitespaces), request)
        errors.checkEmail("email", (self.email ?? "").trimmingCharacters(in: .whitespaces), request)
        PasswordRules.check(password, confirmation: passwordConfirmation, into: &errors, request)
        return errors
    }

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        [
            FormField(
                "name", label: request.t("field.name"), value: name ?? "", error: errors["name"], required: true,
                autocomplete: "name"),
            FormField(
                "email", label: request.t("field.email"), kind: .email, value: email ?? "", error: errors["email"],
                required: true, autocomplete: "email"),
        ] + PasswordRules.fields(request, errors: errors)
    }
}

struct SignInInput: Content {
    var email: String?
    var password: String?
    var next: String?

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        [
            FormField(
                "email", label: request.t("field.email"), kind: .email, value: email ?? "", error: errors["email"],
                required: true, autocomplete: "email"),
            FormField(
                "password", label: request.t("field.password"), kind: .password, error: errors["password"],
                required: true, autocomplete: "current-password"),
            FormField("next", label: "", kind: .hidden, value: safeNext == SiteURL.home.path ? "" : safeNext),
        ]
    }

    /// Where to go after signing in: a path on this site, parsed, never another host. Browsers
    /// drop tabs and line breaks from addresses and read `\` as `/`, so "/\t/evil.example" would
    /// lead away: any whitespace, control character or backslash refuses the whole address.
    var safeNext: String {
        guard let next, next.count <= 2_000, next.hasPrefix("/"), !next.hasPrefix("//"),
            next.unicodeScalars.allSatisfy({
                !CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.controlCharacters.contains($0)
                    && $0 != "\\"
            }),
            let parts = URLComponents(string: next), parts.scheme == nil, parts.host == nil, parts.path.hasPrefix("/")
        else { return SiteURL.home.path }
        return next
    }
}
