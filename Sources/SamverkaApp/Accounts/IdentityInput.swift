import Vapor

/// The rules every new password follows, wherever it is chosen.
enum PasswordRules {
    static let minimumLength = 10
    static let maximumLength = 72  // bcrypt reads no further

    static func check(_ password: String?, confirmation: String?, into errors: inout FieldErrors, _ request: Request) {
        let password = password ?? ""
        if password.count < minimumLength {
            errors.add("password", request.t("error.password_short", ["min": "\(minimumLength)"]))
        } else if password.utf8.count > maximumLength {
            errors.add("password", request.t("error.too_long", ["max": "\(maximumLength)"]))
        }
        if password != (confirmation ?? "") {
            errors.add("passwordConfirmation", request.t("error.password_mismatch"))
        }
    }

    /// `labelKey` is "field.new_password" where the member already has one.
    static func fields(_ request: Request, errors: FieldErrors, labelKey: String = "field.password") -> [FormField] {
        [
            FormField(
                "password", label: request.t(labelKey), kind: .password, error: errors["password"],
                hint: request.t("hint.password", ["min": "\(minimumLength)"]), required: true,
                autocomplete: "new-password"),
            FormField(
                "passwordConfirmation", label: request.t("field.password_confirmation"), kind: .password,
                error: errors["passwordConfirmation"], required: true, autocomplete: "new-password"),
        ]
    }
}

/// "Forgot your password?": the address to send the link to.
struct ForgotPasswordInput: Content {
    var email: String?

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        [
            FormField(
                "email", label: request.t("field.email"), kind: .email, value: email ?? "", error: errors["email"],
                hint: request.t("hint.forgot_password"), required: true, autocomplete: "email")
        ]
    }
}

/// A new password, from a reset link or the account page.
struct NewPasswordInput: Content {
    /// Asked on the account page only: whoever finds a signed-in computer cannot lock its owner out.
    var currentPassword: String?
    var password: String?
    var passwordConfirmation: String?

    func fields(_ request: Request, errors: FieldErrors, askCurrent: Bool) -> [FormField] {
        let current = FormField(
            "currentPassword", label: request.t("field.current_password"), kind: .password,
            error: errors["currentPassword"], required: true, autocomplete: "current-password")
        return (askCurrent ? [current] : [])
            + PasswordRules.fields(request, errors: errors, labelKey: "field.new_password")
    }
}

/// A new address for the account, confirmed by the link sent there.
struct ChangeEmailInput: Content {
    var email: String?
    var currentPassword: String?

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        [
            FormField(
                "email", label: request.t("field.new_email"), kind: .email, value: email ?? "", error: errors["email"],
                hint: request.t("hint.new_email"), required: true, autocomplete: "email"),
            FormField(
                "currentPassword", label: request.t("field.current_password"), kind: .password,
                error: errors["currentPassword"], required: true, autocomplete: "current-password"),
        ]
    }
}
