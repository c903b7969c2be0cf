import Fluent
import Foundation

/// The mail Samverka wrote to a member: in the download by subject and time (the bodies are the
/// pages and links already listed elsewhere); deleted with the account, sent or not.
struct OutgoingMailPersonalData: PersonalDataHolder {
    struct Message: Encodable, Sendable {
        let subject: String
        let kind: String
        let writtenAt: Date?
        let sentAt: Date?
    }

    let section = "mail"
    let tables = [OutgoingMail.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        try await OutgoingMail.query(on: context.database).filter(\.$memberID == memberID).sort(\.$createdAt).all()
            .map { Message(subject: $0.subject, kind: $0.kind, writtenAt: $0.createdAt, sentAt: $0.sentAt) }
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        try await OutgoingMail.query(on: database).filter(\.$memberID == memberID).delete()
    }
}
