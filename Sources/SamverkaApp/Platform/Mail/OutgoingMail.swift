import Fluent
import Foundation
import SQLKit

/// A message in the outbox. Everything Samverka mails is written here first, inside the same
/// transaction as the change it reports; `samverka mail deliver` sends it later. Without an
/// SMTP server the outbox is still readable by admins, so nothing is lost.
final class OutgoingMail: Model, UnpublishedRecord, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// What the message is about ("registration.confirmed"), for the admin's list.
    @Field(key: "kind") var kind: String
    @Field(key: "to_address") var toAddress: String
    /// Whose mail it is: a member's own data and their deletion find it by these, never by the
    /// address, which someone else may have had before or may give as a guest.
    @OptionalField(key: "member_id") var memberID: UUID?
    @OptionalField(key: "registration_id") var registrationID: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "message") var message: MailMessage
    /// Not before this time: the first attempt, or the next one after a failure.
    @Field(key: "send_after") var sendAfter: Date
    @Field(key: "attempts") var attempts: Int
    @Field(key: "last_error") var lastError: String
    /// A deliverer has taken the message until then; no other one touches it meanwhile.
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    /// Given up after a permanent refusal or too many attempts.
    @OptionalField(key: "failed_at") var failedAt: Date?

    init() {}

    init(kind: String, message: MailMessage, sendAfter: Date, memberID: UUID? = nil, registrationID: UUID? = nil) {
        self.kind = kind
        self.memberID = memberID
        self.registrationID = registrationID
        toAddress = message.to
        subject = message.subject
        self.message = message
        self.sendAfter = sendAfter
        attempts = 0
        lastError = ""
    }

    enum State: String {
        case waiting, sent, failed
    }

    var state: State { sentAt != nil ? .sent : failedAt != nil ? .failed : .waiting }
}

struct CreateOutgoingMail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("mail_outbox")
            .id()
            .field("created_at", .datetime)
            .field("kind", .string, .required)
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("message", .json, .required)
            .field("send_after", .datetime, .required)
            .field("attempts", .int, .required)
            .field("last_error", .string, .required)
            .field("claimed_until", .datetime)
            .field("sent_at", .datetime)
            .field("failed_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_outbox").delete()
    }
}

/// Mail belongs to a member or a registration by id.
struct AddOwnerToOutgoingMail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds only one per ALTER TABLE.
        try await database.schema("mail_outbox").field("member_id", .uuid).update()
        try await database.schema("mail_outbox").field("registration_id", .uuid).update()
        // Mail written before belonged to whoever had the address then, as it was read until now.
        if let sql = database as? any SQLDatabase {
            try await sql.raw(
                "UPDATE mail_outbox SET member_id = (SELECT members.id FROM members WHERE members.email = mail_outbox.to_address)"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_outbox").deleteField("member_id").update()
        try await database.schema("mail_outbox").deleteField("registration_id").update()
    }
}
