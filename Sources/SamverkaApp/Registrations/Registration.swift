import Fluent
import Foundation

/// One person's sign-up to an event or activity: a member, or a guest known by name and email.
final class Registration: Model, @unchecked Sendable {
    static let schema = "registrations"

    enum Status: String, Codable, CaseIterable, Sendable {
        /// A guest who has not yet followed the link in the confirmation email; holds no seat.
        case unconfirmed
        /// Waiting for the organiser's approval; holds no seat.
        case pending
        case confirmed
        case waiting
        case declined
        case cancelled

        /// Still in play: holds a seat or a place in a queue.
        var isActive: Bool { self == .unconfirmed || self == .pending || self == .confirmed || self == .waiting }

        static let active = allCases.filter(\.isActive)
    }

    enum Attendance: String, Codable, CaseIterable, Sendable {
        case attended
        case noShow = "no_show"
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Parent(key: "setup_id") var setup: RegistrationSetup
    @OptionalParent(key: "member_id") var member: Member?
    /// Guests only; emptied by `samverka purge` once the event is long past.
    @Field(key: "guest_name") var guestName: String
    @Field(key: "guest_email") var guestEmail: String
    @Field(key: "language") var language: Language
    @Field(key: "status") var status: Status
    @OptionalField(key: "attendance") var attendance: Attendance?
    /// The order of arrival; the waiting list is served in this order.
    @Field(key: "arrival") var arrival: Int
    @Field(key: "answers") var answers: [RegistrationAnswer]
    /// The secret in the personal link to view or cancel (and, for guests, to confirm).
    @Field(key: "token") var token: String
    /// The organiser's message with an approval or a refusal.
    @Field(key: "decision_message") var decisionMessage: String
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    @OptionalField(key: "purged_at") var purgedAt: Date?

    init() {}

    /// Where a waiting registration stands in line: 1 for the next to get a seat.
    func waitingPosition(on database: any Database) async throws -> Int {
        try await Registration.query(on: database).filter(\.$setup.$id == $setup.id)
            .filter(\.$status == .waiting).filter(\.$arrival < arrival).count() + 1
    }

    static func newToken() -> String {
        Secrets.urlSafe(bytes: 24)
    }
}
