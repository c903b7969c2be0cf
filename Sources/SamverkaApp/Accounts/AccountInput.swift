import Vapor

/// The sign-up form as typed; every field optional so a half-filled form comes back intact.
struct SignUpInput: Content {
    var name: String?
    var email: String?
    var password: String?
    var passwordConfirmation: String?

    static let minimumPasswordLength = 10
    static let maximumPasswordLength = 72  // bcrypt reads no further

    func validate(_ request: Request) async throws -> FieldErrors {
        var errors = FieldErrors()
        let name = (self.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.add("name", request.t("error.required")) }
        if name.count > 100 { errors.add("name", request.t("error.too_long", ["max": "100"])) }
        let email = (self.email ?? "").trimmingCharacters(in: .whitespaces)
        if email.isEmpty {
            errors.add("email", request.t("error.required"))
        } else if !EmailAddress.isValid(email) {
            errors.add("email", request.t("error.email"))
        } else if try await Member.find(email: email, on: request.db) != nil {
            errors.add("email", request.t("error.email_taken"))
        }
        let password = self.password ?? ""
        if password.count < Self.minimumPasswordLength {
            errors.add("password", request.t("error.password_short", ["min": "\(Self.minimumPasswordLength)"]))
        } else if password.utf8.count > Self.maximumPasswordLength {
            errors.add("password", request.t("error.too_long", ["max": "\(Self.maximumPasswordLength)"]))
        }
        if password != (passwordConfirmation ?? "") {
            errors.add("passwordConfirmation", request.t("error.password_mismatch"))
        }
        return errors
    }

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        [
            FormField("name", label: request.t("field.name"), value: name ?? "", error: errors["name"], required: true, autocomplete: "name"),
            FormField("email", label: request.t("field.email"), kind: .email, value: email ?? "", error: errors["email"], required: true, autocomplete: "email"),
            FormField("password", label: request.t("field.password"), kind: .password, error: errors["password"], hint: request.t("hint.password", ["min": "\(Self.minimumPasswordLength)"]), required: true, autocomplete: "new-password"),
            FormField("passwordConfirmation", label: request.t("field.password_confirmation"), kind: .password, error: errors["passwordConfirmation"], required: true, autocomplete: "new-password"),
        ]
    }
}

struct SignInInput: Content {
    var email: String?
    var password: String?
    var next: String?

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        [
            FormField("email", label: request.t("field.email"), kind: .email, value: email ?? "", error: errors["email"], required: true, autocomplete: "email"),
            FormField("password", label: request.t("field.password"), kind: .password, error: errors["password"], required: true, autocomplete: "current-password"),
            FormField("next", label: "", kind: .hidden, value: safeNext == SiteURL.home.path ? "" : safeNext),
        ]
    }

    /// Where to go after signing in: only a path on this site, never another host.
    var safeNext: String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return SiteURL.home.path }
        return next
    }
}
