import Fluent
import Foundation

/// An event an organiser submits into a programme edition, on behalf of an organisation.
/// It is public once approved and the edition's release date has passed.
final class Activity: Model, @unchecked Sendable {
    static let schema = "activities"

    enum Status: String, Codable, CaseIterable, Sendable {
        /// Saved, not yet sent for review.
        case draft
        /// Waiting for a reviewer.
        case submitted
        case approved
        /// Sent back to the organiser with a message.
        case changesRequested = "changes_requested"
        case rejected
    }

    enum Format: String, Codable, CaseIterable, Sendable {
        case physical, digital, hybrid
    }

    enum SignUp: String, Codable, CaseIterable, Sendable {
        /// Just come.
        case none
        /// Sign up elsewhere, at `signUpURL`.
        case external
        /// Sign up here; seats and questions are on the activity's registration page.
        case samverka
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Parent(key: "programme_id") var programme: Programme
    /// The organisation that submitted it and answers for it.
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "status") var status: Status

    @Field(key: "title") var title: String
    /// The activity's part of its address, `/programmes/{edition}/{slug}`: made from the first
    /// title, unique in the edition, and kept when the title changes so links stay valid.
    @Field(key: "slug") var slug: String
    /// Shown in lists; at most `Activity.summaryLimit` characters.
    @Field(key: "summary") var summary: String
    /// Markdown.
    @Field(key: "description") var description: String
    @Field(key: "format") var format: Format
    /// Optional only while a draft: every submitted activity has its times.
    @OptionalField(key: "starts_at") var startsAt: Date?
    @OptionalField(key: "ends_at") var endsAt: Date?
    /// iCalendar's SEQUENCE: raised on every change, by `CalendarSequenceMiddleware`.
    @Field(key: "calendar_sequence") var calendarSequence: Int
    /// Required unless digital; a digital activity may instead be for all of Sweden.
    @OptionalField(key: "municipality_code") var municipalityCode: String?
    @Field(key: "all_sweden") var allSweden: Bool
    @Field(key: "venue") var venue: String
    @Field(key: "address") var address: String
    @OptionalField(key: "online_url") var onlineURL: String?
    @Field(key: "themes") var themes: [String]
    @Field(key: "target_groups") var targetGroups: [String]
    /// `sv`, `en`, or `sv-en` for both.
    @Field(key: "language") var language: String
    @Field(key: "step_free") var stepFree: Bool
    @Field(key: "hearing_loop") var hearingLoop: Bool
    @Field(key: "sign_language") var signLanguage: Bool
    @Field(key: "captions") var captions: Bool
    @Field(key: "accessibility_notes") var accessibilityNotes: String
    @Field(key: "sign_up") var signUp: SignUp
    @OptionalField(key: "sign_up_url") var signUpURL: String?
    @OptionalField(key: "image") var image: String?

    /// When it was last sent for review, for the queue's waiting time.
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// The reviewer's last message to the organiser.
    @Field(key: "review_message") var reviewMessage: String
    /// Title, time or place changed after approval, waiting for review; the approved values
    /// above stay public until a reviewer accepts these.
    @OptionalField(key: "pending_changes") var pendingChanges: ActivityKeyFacts?

    /// What full-text search reads: the public words of the activity and its organisers'
    /// names, and the same without accents. Kept by `refreshSearchText` whenever the activity
    /// is saved.
    @Field(key: "search_text") var searchText: String

    @Children(for: \.$activity) var partners: [ActivityPartner]
    @Children(for: \.$activity) var log: [ActivityLogEntry]

    init() {
        calendarSequence = 0
        slug = ""
    }

    static let summaryLimit = 280

    func refreshSearchText(organisations: [Organisation], municipalities: Municipalities) {
        searchText = SearchText.searchable(
            ([title, summary, description, venue, address]
                + organisations.map(\.name)
                + [municipalityCode.flatMap { municipalities[$0]?.name } ?? ""])
                .filter { !$0.isEmpty }
                .joined(separator: "\n"))
    }
}

extension QueryBuilder where Model == Activity {
    /// Activities a reviewer must decide on: submitted ones, and approved ones whose changes wait.
    @discardableResult
    func waitingForReview() -> Self {
        group(.or) { either in
            either.filter(\.$status == .submitted)
            either.filter(.path(["pending_changes"], schema: Activity.schema), .notEqual, .null)
        }
    }
}

/// The facts whose change after approval needs a new review: title, time and place, and what
/// the public reads and follows: the description, the image and the way to sign up.
struct ActivityKeyFacts: Codable, Equatable, Sendable {
    var title: String
    var format: Activity.Format
    var startsAt: Date?
    var endsAt: Date?
    var municipalityCode: String?
    var allSweden: Bool
    var venue: String
    var address: String
    var onlineURL: String?
    // Optional so that changes stored before these were reviewed still read; nil leaves the
    // activity's own value.
    var description: String?
    var image: String?
    var signUp: Activity.SignUp?
    var signUpURL: String?

    init(_ activity: Activity) {
        title = activity.title
        format = activity.format
        startsAt = activity.startsAt
        endsAt = activity.endsAt
        municipalityCode = activity.municipalityCode
        allSweden = activity.allSweden
        venue = activity.venue
        address = activity.address
        onlineURL = activity.onlineURL
        description = activity.description
        image = activity.image ?? ""
        signUp = activity.signUp
        signUpURL = activity.signUpURL ?? ""
    }

    func apply(to activity: Activity) {
        activity.title = title
        activity.format = format
        activity.startsAt = startsAt
        activity.endsAt = endsAt
        activity.municipalityCode = municipalityCode
        activity.allSweden = allSweden
        activity.venue = venue
        activity.address = address
        activity.onlineURL = onlineURL
        if let description { activity.description = description }
        if let image { activity.image = image.isEmpty ? nil : image }
        if let signUp { activity.signUp = signUp }
        if let signUpURL { activity.signUpURL = signUpURL.isEmpty ? nil : signUpURL }
    }
}

/// Another organisation that organises or takes part in an activity. It counts (for the
/// public-sector rule, and on the public page) only once one of its people has confirmed.
final class ActivityPartner: Model, @unchecked Sendable {
    static let schema = "activity_partners"

    enum Role: String, Codable, CaseIterable, Sendable {
        case organiser, participant
    }

    @ID var id: UUID?
    @Parent(key: "activity_id") var activity: Activity
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "role") var role: Role
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?

    init() {}

    init(activityID: UUID, organisationID: UUID, role: Role) {
        $activity.id = activityID
        $organisation.id = organisationID
        self.role = role
    }
}

extension Activity: CalendarRevised {}

/// One thing that happened to an activity: created, submitted, changed, reviewed.
final class ActivityLogEntry: Model, UnpublishedRecord, @unchecked Sendable {
    static let schema = "activity_log"

    enum Kind: String, Codable, Sendable {
        case created, changed, submitted, approved, changesRequested = "changes_requested", rejected, partnerConfirmed =
            "partner_confirmed"
        case withdrawn
    }

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Parent(key: "activity_id") var activity: Activity
    @OptionalParent(key: "member_id") var member: Member?
    @Field(key: "kind") var kind: Kind
    /// A reviewer's message, or what changed.
    @Field(key: "message") var message: String

    init() {}

    init(activityID: UUID, memberID: UUID?, kind: Kind, message: String = "") {
        $activity.id = activityID
        $member.id = memberID
        self.kind = kind
        self.message = message
    }
}
