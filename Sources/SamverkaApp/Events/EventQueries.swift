import Fluent
import Foundation

/// The lists of events the pages show.
enum EventQueries {
    /// Events still to come, soonest first: one-off events that have not started and weekly
    /// events that go on. The upcoming list is short, so it is ordered in memory by each event's
    /// next occurrence; the past list, which grows every week, is paged in the database.
    static func upcoming(
        now: Date, calendar: Calendar, language: Language, on database: any Database
    ) async throws -> [(event: Event, next: Date)] {
        let query = Event.query(on: database)
            .group(.or) { either in
                either.filter(\.$startsAt >= now)
                either.group(.and) { weekly in
                    weekly.filter(\.$recurrence == .weekly)
                    weekly.filter(\.$status == .scheduled)
                    weekly.group(.or) { until in
                        until.filter(\.$recurrenceUntil == nil)
                        until.filter(\.$recurrenceUntil >= now)
                    }
                }
            }
        try await LanguagePreference.apply(language, to: query, on: database)
        let events = try await query.with(\.$localGroup).all()
        return
            events
            .compactMap { event in event.nextOccurrence(after: now, calendar: calendar).map { (event, $0) } }
            .sorted { $0.1 < $1.1 }
    }

    /// Events that have taken place, newest first, one page at a time.
    static func past(
        now: Date, language: Language, page: Int, pageSize: Int, on database: any Database
    ) async throws -> (events: [Event], total: Int) {
        let query = Event.query(on: database)
            .filter(\.$startsAt < now)
            .group(.or) { notRecurring in
                notRecurring.filter(\.$recurrence == .none)
                notRecurring.filter(\.$status != .scheduled)
                notRecurring.filter(\.$recurrenceUntil < now)
            }
        try await LanguagePreference.apply(language, to: query, on: database)
        let total = try await query.count()
        let events = try await query.copy()
            .with(\.$localGroup)
            .sort(\.$startsAt, .descending)
            .range(lower: (page - 1) * pageSize, upper: page * pageSize)
            .all()
        return (events, total)
    }

    /// The events an organisation organises or takes part in, latest first.
    static func of(organisation id: UUID, on database: any Database) async throws -> [Event] {
        try await Event.query(on: database)
            .join(EventOrganisation.self, on: \EventOrganisation.$event.$id == \Event.$id)
            .filter(EventOrganisation.self, \.$organisation.$id == id)
            .sort(\.$startsAt, .descending).all()
    }
}
