import Fluent
import Foundation
import Vapor

/// A single-use secret mailed to a member: to confirm the address they signed up with, to set
/// a new password, or to confirm a new address. Only its SHA-256 is stored, so a copy of the
/// database opens no account.
final class AccountToken: Model, UnpublishedRecord, @unchecked Sendable {
    static let schema = "account_tokens"

    enum Purpose: String, Codable, Sendable {
        case confirmEmail = "confirm_email"
        case resetPassword = "reset_password"
        case changeEmail = "change_email"

        /// How long the link works: a reset gives access to the account, so it is short.
        var lifetime: TimeInterval {
            switch self {
            case .confirmEmail, .changeEmail: 7 * 86_400
            case .resetPassword: 3_600
            }
        }
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "member_id") var member: Member
    @Field(key: "purpose") var purpose: Purpose
    @Field(key: "token_hash") var tokenHash: String
    /// The address a change of address goes to; empty for the other purposes.
    @Field(key: "new_email") var newEmail: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    /// A fresh token for `member`; returns the model to save and the secret to mail.
    static func issue(
        _ purpose: Purpose, for member: Member, newEmail: String = "", now: Date
    ) throws -> (AccountToken, String) {
        let secret = Secrets.urlSafe(bytes: 32)
        let token = AccountToken()
        token.$member.id = try member.requireID()
        token.purpose = purpose
        token.tokenHash = hash(secret)
        token.newEmail = newEmail
        token.expiresAt = now.addingTimeInterval(purpose.lifetime)
        return (token, secret)
    }

    static func hash(_ secret: String) -> String {
        Secrets.sha256Hex(secret)
    }

    /// The unused, unexpired token for `secret` and `purpose`, with its member; nil for any
    /// other secret, so a wrong, old or used link is simply "not valid".
    static func valid(
        _ secret: String, for purpose: Purpose, now: Date, on database: any Database
    ) async throws -> AccountToken? {
        guard secret.count >= 20, secret.count <= 100 else { return nil }
        return try await AccountToken.query(on: database)
            .filter(\.$tokenHash == hash(secret))
            .filter(\.$purpose == purpose)
            .filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now)
            .with(\.$member)
            .first()
    }
}

struct CreateAccountToken: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("account_tokens")
            .id()
            .field("created_at", .datetime)
            .field("member_id", .uuid, .required, .references("members", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("new_email", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("account_tokens").delete()
    }
}
