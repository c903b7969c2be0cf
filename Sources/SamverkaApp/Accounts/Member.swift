import Fluent
import Foundation
import Vapor

/// A person with an account.
final class Member: Model, @unchecked Sendable {
    static let schema = "members"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Stored lower-cased, so sign-in ignores case.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// bcrypt; the password itself is never stored or logged.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @Field(key: "language") var language: String
    /// The secret in the address of the member's own calendar feed; empty until first asked for.
    @Field(key: "calendar_token") var calendarToken: String
    /// When the member proved the address by following the emailed link. Until then the
    /// account cannot sign in, so it can neither sign up for events nor join organisations.
    @OptionalField(key: "email_confirmed_at") var emailConfirmedAt: Date?
    /// Raised by "sign out everywhere" and by a new password: a session signed in under an
    /// earlier number is over.
    @Field(key: "session_generation") var sessionGeneration: Int
    /// Set by an admin: the member cannot sign in, and is told why.
    @OptionalField(key: "suspended_at") var suspendedAt: Date?
    @Field(key: "suspension_reason") var suspensionReason: String
    /// Two-factor sign-in: the authenticator's secret (base32), when it was turned on, the last
    /// time step whose code was taken (each code works once), and the SHA-256 of each unused
    /// recovery code.
    @Field(key: "totp_secret") var totpSecret: String
    @OptionalField(key: "totp_enabled_at") var totpEnabledAt: Date?
    @Field(key: "totp_last_step") var totpLastStep: Int64
    /// Space-separated, so the column is plain text on both databases.
    @Field(key: "recovery_codes") var recoveryCodeHashes: String
    /// Whether notifications are mailed too, and whether each sign-up to what the member
    /// organises is one.
    @Field(key: "notify_by_mail") var notifyByMail: Bool
    @Field(key: "notify_sign_ups") var notifySignUps: Bool

    init() {
        calendarToken = ""
        sessionGeneration = 0
        suspensionReason = ""
        totpSecret = ""
        totpLastStep = 0
        recoveryCodeHashes = ""
        notifyByMail = true
        notifySignUps = false
    }

    /// `emailConfirmedAt` is nil for someone who signed up themselves, until they follow the
    /// link; an admin who creates an account vouches for the address.
    init(email: String, name: String, passwordHash: String, role: Role, language: Language, emailConfirmedAt: Date?) {
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.language = language.rawValue
        self.emailConfirmedAt = emailConfirmedAt
        calendarToken = ""
        sessionGeneration = 0
        suspensionReason = ""
        totpSecret = ""
        totpLastStep = 0
        recoveryCodeHashes = ""
        notifyByMail = true
        notifySignUps = false
    }
}

extension Member {
    /// Ends every session of the account; the caller signs the current browser in again if it stays.
    func endAllSessions() {
        sessionGeneration += 1
    }

    /// The member whose calendar feeds sit behind this secret (sign-ups, own programme); none
    /// for a missing or short one.
    static func find(calendarToken token: String?, on database: any Database) async throws -> Member? {
        guard let token, token.count >= 16 else { return nil }
        return try await Member.query(on: database).filter(\.$calendarToken == token).first()
    }

    static func find(email: String, on database: any Database) async throws -> Member? {
        try await Member.query(on: database)
            .filter(\.$email == email.trimmingCharacters(in: .whitespaces).lowercased())
            .first()
    }
}

extension Member: ModelSessionAuthenticatable {
    /// The platform's view of the signed-in member (`Application.signedIn`).
    @Sendable static func signedIn(_ request: Request) -> SignedIn? {
        guard let member = request.auth.get(Member.self), let id = member.id else { return nil }
        return SignedIn(id: id, name: member.name, language: member.language, role: member.role)
    }
}

extension FieldErrors {
    /// The longest name a member may go by.
    static let memberNameLimit = 100

    /// A member's name, already trimmed: needed, and not longer than `memberNameLimit`. Sign-up
    /// and the profile ask the same.
    mutating func checkMemberName(_ field: String, _ name: String, _ request: Request) {
        if name.isEmpty { add(field, request.t("error.required")) }
        if name.count > Self.memberNameLimit {
            add(field, request.t("error.too_long", ["max": "\(Self.memberNameLimit)"]))
        }
    }
}
