import Fluent
import Foundation

/// Something that happens at a time: physical, online or hybrid, possibly every week.
final class Event: Model, @unchecked Sendable {
    static let schema = "events"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "slug") var slug: String
    @Field(key: "language") var language: Language
    @OptionalField(key: "translation_key") var translationKey: String?
    @Field(key: "title") var title: String
    @Field(key: "excerpt") var excerpt: String
    @Field(key: "ingress") var ingress: String
    @Field(key: "body") var body: String
    @OptionalField(key: "image") var image: String?
    /// Stored in UTC, shown in the installation's time zone.
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "ends_at") var endsAt: Date?
    /// The organiser's own words for the time ("Fridays 15:00", "6 July 13:15 - 16:15").
    @Field(key: "date_description") var dateDescription: String
    @Field(key: "format") var format: EventFormat
    @Field(key: "place_name") var placeName: String
    @Field(key: "address") var address: String
    @OptionalField(key: "municipality_code") var municipalityCode: String?
    @OptionalField(key: "online_url") var onlineURL: String?
    @Field(key: "links") var links: [ContentLink]
    @Field(key: "partners") var partners: [Partner]
    @OptionalParent(key: "local_group_id") var localGroup: LocalGroup?
    @Field(key: "status") var status: EventStatus
    @Field(key: "recurrence") var recurrence: Recurrence
    /// The last day a recurring event takes place; none means it goes on.
    @OptionalField(key: "recurrence_until") var recurrenceUntil: Date?
    /// The UID of the calendar entry the event was imported from (`samverka import ics`).
    @OptionalField(key: "import_uid") var importUID: String?
    /// iCalendar's SEQUENCE: raised on every change, by `CalendarSequenceMiddleware`.
    @Field(key: "calendar_sequence") var calendarSequence: Int
    /// Set when a moderator takes the event off the site. Fluent reads this timestamp as a soft
    /// delete, so every list, feed and lookup leaves the event out without being told; the
    /// event's own page (for its owners and staff) and the slug check ask for it explicitly.
    @Timestamp(key: "unpublished_at", on: .delete) var unpublishedAt: Date?
    /// The moderator's words to the owners.
    @OptionalField(key: "unpublished_reason") var unpublishedReason: String?

    @Siblings(through: EventOrganisation.self, from: \.$event, to: \.$organisation) var organisations: [Organisation]

    init() {
        calendarSequence = 0
    }
}

extension Event: CalendarRevised {}
