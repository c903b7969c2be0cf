import Fluent
import Vapor

/// Mail about the account itself, in the member's language, through the outbox.
struct AccountMailer: Sendable {
    enum Notice: String, Sendable {
        /// The link that confirms the address a person signed up with.
        case confirmEmail = "confirm_email"
        /// Someone signed up with an address that already has an account: its owner is told,
        /// and the page says nothing either way.
        case alreadyRegistered = "already_registered"
        case resetPassword = "reset_password"
        /// Sent to the new address, to prove it.
        case changeEmail = "change_email"
        /// Sent to the old address after a change, so a taken-over account does not go unnoticed.
        case emailChanged = "email_changed"
        case passwordChanged = "password_changed"
    }

    let app: Application
    let now: Date

    /// Writes the mail to the outbox; `secret` makes the link, `address` overrides the member's.
    func send(
        _ notice: Notice, to member: Member, address: String? = nil, secret: String? = nil, on database: any Database
    ) async throws {
        let language = Language(rawValue: member.language) ?? .sv
        let base = app.settings.publicURL
        let inLanguage = "?lang=" + language.rawValue
        var link = base + SiteURL.signIn.path + inLanguage
        if let secret {
            switch notice {
            case .confirmEmail: link = base + SiteURL.confirmEmail(.value(secret)).path + inLanguage
            case .resetPassword: link = base + SiteURL.resetPassword(.value(secret)).path + inLanguage
            case .changeEmail: link = base + SiteURL.confirmEmailChange(.value(secret)).path + inLanguage
            case .alreadyRegistered, .emailChanged, .passwordChanged: break
            }
        }
        let values = [
            "name": member.name, "site": app.settings.siteName, "link": link, "email": address ?? member.email,
            "forgot": base + SiteURL.forgotPassword.path + inLanguage,
        ]
        let message = MailMessage(
            writing: "mail.account.\(notice.rawValue)", values: values, language: language, catalogue: app.catalogue,
            to: address ?? member.email, toName: member.name)
        try await OutgoingMail(
            kind: "account.\(notice.rawValue)", message: message, sendAfter: now, memberID: member.id
        ).save(on: database)
    }

    /// Issues a token and mails its link.
    func sendLink(
        _ notice: Notice, purpose: AccountToken.Purpose, to member: Member, newEmail: String = "",
        on database: any Database
    ) async throws {
        let (token, secret) = try AccountToken.issue(purpose, for: member, newEmail: newEmail, now: now)
        try await token.save(on: database)
        try await send(notice, to: member, address: newEmail.isEmpty ? nil : newEmail, secret: secret, on: database)
    }
}
