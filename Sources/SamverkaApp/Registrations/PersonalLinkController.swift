import Fluent
import Vapor

/// A guest who lost the mail with their personal link asks for it again by address. The page
/// says the same whether or not the address signed up, so nobody learns who did.
struct PersonalLinkController: Sendable {
    @Sendable func form(request: Request) async throws -> Response {
        let subject = try await RegistrationSubjects.find(request)
        return try await render(request, subject: subject, email: "", errors: FieldErrors(), status: .ok)
    }

    @Sendable func send(request: Request) async throws -> Response {
        let subject = try await RegistrationSubjects.find(request)
        let email = ((try? request.content.get(String.self, at: "email")) ?? "").trimmingCharacters(in: .whitespaces)
            .lowercased()
        var errors = FieldErrors()
        errors.checkEmail("email", email, request)
        guard errors.isEmpty else {
            return try await render(
                request, subject: subject, email: email, errors: errors, status: .unprocessableEntity)
        }
        let setup = try await subject.setup(on: request.db)
        if setup.id != nil {
            let mailer = RegistrationMailer(app: request.application, now: request.now)
            let statuses: [Registration.Status] = Registration.Status.active + [.unconfirmed]
            let theirs = try await Registration.query(on: request.db).filter(\.$setup.$id == setup.requireID())
                .filter(\.$guestEmail == email).filter(\.$status ~~ statuses).all()
            for registration in theirs {
                // An unproven address gets the confirmation again: that link is the proof.
                let notice: RegistrationNotice = registration.status == .unconfirmed ? .confirmAddress : .resent
                try await mailer.send(notice, registration, subject: subject, setup: setup, on: request.db)
            }
        }
        let heading = request.t("registration.resend_sent_heading")
        return try await request.render(
            "Registrations/sent",
            SignUpSentPage(
                layout: request.layout(title: heading, section: subject.section), heading: heading,
                lead: request.t("registration.resend_sent_lead", ["email": email, "title": subject.title]),
                hints: [request.t("registration.sent_hint_spam"), request.t("registration.resend_hint_member")],
                pageHref: subject.pagePath, pageTitle: subject.title
            ))
    }

    private func render(
        _ request: Request, subject: any RegistrationSubject, email: String, errors: FieldErrors, status: HTTPStatus
    ) async throws -> Response {
        let field = FormField(
            "email", label: request.t("field.email"), kind: .email, value: email, error: errors["email"],
            hint: request.t("registration.resend_hint", ["title": subject.title]), required: true, autocomplete: "email"
        )
        return try await request.renderFormPage(
            heading: request.t("registration.resend_heading"), section: subject.section,
            form: FormContext(
                action: subject.path(.resendLink), submitLabel: request.t("registration.resend_button"),
                csrf: request.csrfToken, fields: [field], errors: errors),
            status: status
        )
    }
}
