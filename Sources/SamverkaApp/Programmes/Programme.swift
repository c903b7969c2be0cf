import Fluent
import Foundation

/// One edition of a programme week or theme day ("Innovationsveckan 2026"): its days, when
/// organisers may submit, when the public sees the programme, and its rules.
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    /// Markdown.
    @Field(key: "description") var description: String
    /// Midnight, in the installation's zone, of the first day.
    @Field(key: "first_day") var firstDay: Date
    /// Midnight of the last day; activities may run until its end.
    @Field(key: "last_day") var lastDay: Date
    @Field(key: "submission_opens_at") var submissionOpensAt: Date
    /// None: each activity may be submitted until it starts.
    @OptionalField(key: "submission_closes_at") var submissionClosesAt: Date?
    /// Before this, only organisers and reviewers see activities.
    @Field(key: "public_from") var publicFrom: Date
    @Field(key: "themes") var themes: [ProgrammeTerm]
    @Field(key: "target_groups") var targetGroups: [ProgrammeTerm]
    /// Each activity needs at least one organising or participating public-sector organisation.
    @Field(key: "requires_public_party") var requiresPublicParty: Bool
    @OptionalField(key: "max_activities_per_organisation") var maxActivitiesPerOrganisation: Int?
    /// Raised by every change to the edition's activities (and their organisations), so each
    /// app instance knows when its cached programme index is stale.
    @Field(key: "activities_version") var activitiesVersion: Int

    init() {}
}

extension Programme {
    static func find(slug: String, on database: any Database) async throws -> Programme? {
        try await query(on: database).filter(\.$slug == slug).first()
    }

    func isPublic(at now: Date) -> Bool { now >= publicFrom }

    /// The first moment after the last day.
    func end(calendar: Calendar) -> Date {
        calendar.date(byAdding: .day, value: 1, to: lastDay) ?? lastDay
    }

    /// Midnight of each day of the edition, at most 62 of them.
    func days(calendar: Calendar) -> [Date] {
        var days: [Date] = []
        var day = firstDay
        while day <= lastDay, days.count < 62 {
            days.append(day)
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return days
    }

    /// Whether organisers may submit now: from the opening until the window closes, or by
    /// default until the edition ends (each activity itself only until it starts).
    func acceptsSubmissions(at now: Date, calendar: Calendar) -> Bool {
        now >= submissionOpensAt && now < (submissionClosesAt ?? end(calendar: calendar))
    }
}

extension Programme {
    /// The editions whose week has not ended yet, the soonest first.
    static func running(at now: Date, calendar: Calendar, on database: any Database) async throws -> [Programme] {
        try await query(on: database).sort(\.$firstDay).all().filter { $0.end(calendar: calendar) > now }
    }
}
