import Fluent
import Foundation

/// How people sign up to one event or programme activity, as its organiser set it up.
final class RegistrationSetup: Model, @unchecked Sendable {
    static let schema = "registration_setups"

    enum Mode: String, Codable, CaseIterable, Sendable {
        /// No sign-up: just come.
        case off
        /// Sign up elsewhere, at `externalURL`.
        case external
        /// Sign up here, with seats, a waiting list and the organiser's questions.
        case samverka
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Exactly one of these is set.
    @OptionalParent(key: "event_id") var event: Event?
    @OptionalParent(key: "activity_id") var activity: Activity?

    @Field(key: "mode") var mode: Mode
    @OptionalField(key: "external_url") var externalURL: String?
    /// Seats; none means unlimited.
    @OptionalField(key: "capacity") var capacity: Int?
    @Field(key: "waiting_list") var waitingList: Bool
    @Field(key: "requires_approval") var requiresApproval: Bool
    @OptionalField(key: "opens_at") var opensAt: Date?
    /// None means sign-up stays open until the event starts.
    @OptionalField(key: "closes_at") var closesAt: Date?
    @Field(key: "questions") var questions: [RegistrationQuestion]
    /// Counts every sign-up, so each gets its place in the order of arrival.
    @Field(key: "arrivals") var arrivals: Int
    /// When the organiser cancelled the event, and what they told everyone.
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "cancellation_message") var cancellationMessage: String

    init() {}

    /// The settings of an event or activity that has none yet: sign-up off.
    static func fresh(for subject: any RegistrationSubject) -> RegistrationSetup {
        let setup = RegistrationSetup()
        subject.claim(setup)
        setup.mode = .off
        setup.waitingList = true
        setup.requiresApproval = false
        setup.questions = []
        setup.arrivals = 0
        setup.cancellationMessage = ""
        return setup
    }

    /// Whether sign-up is open at `now` for an event starting at `start`.
    func isOpen(at now: Date, start: Date?) -> Bool {
        guard mode == .samverka, cancelledAt == nil else { return false }
        if let opensAt, now < opensAt { return false }
        if let closesAt, now >= closesAt { return false }
        if let start, now >= start { return false }
        return true
    }
}

/// A question the organiser asks everyone who signs up.
struct RegistrationQuestion: Codable, Sendable, Equatable {
    enum Kind: String, Codable, CaseIterable, Sendable {
        case shortText = "short_text", longText = "long_text", singleChoice = "single_choice", multipleChoice =
            "multiple_choice", yesNo = "yes_no"
    }

    /// Stable across edits, so answers keep their question.
    var key: String
    var kind: Kind
    var label: String
    var required: Bool
    var choices: [String]
}

/// One person's answer to one question; several values for multiple choice.
struct RegistrationAnswer: Codable, Sendable, Equatable {
    var key: String
    var values: [String]
}
