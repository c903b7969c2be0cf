import Fluent
import Vapor

/// Calendar feeds to subscribe to: every event, one event, a local group's or an organisation's
/// calendar, a programme with its page's filters (a member's own sign-ups are Registrations'
/// `SignUpCalendarController`). Lists carry what is coming and the last 90 days, so a calendar keeps recent history.
struct CalendarFeedController: Sendable {
    static let history: TimeInterval = 90 * 86_400

    @Sendable func events(request: Request) async throws -> Response {
        let since = Self.since(request)
        let events = try await Event.query(on: request.db)
            .group(.or) { either in
                either.filter(\.$startsAt >= since)
                either.filter(\.$recurrence == .weekly)
            }
            .sort(\.$startsAt).all()
        let shown = Self.recent(events, request: request)
        return respond(
            request, name: request.t("events.title") + " · " + request.application.settings.siteName,
            entries: shown.map(entries(request).entry), filename: "events")
    }

    @Sendable func event(request: Request) async throws -> Response {
        let event = try await Event.find(slugIn: request)
        return respond(request, name: event.title, entries: [entries(request).entry(event)], filename: event.slug)
    }

    @Sendable func group(request: Request) async throws -> Response {
        let group = try await LocalGroup.find(slugIn: request)
        let groupIDs = try await group.idsWithTranslation(on: request.db)
        let events = try await Event.query(on: request.db).filter(\.$localGroup.$id ~~ groupIDs).sort(\.$startsAt).all()
        let shown = Self.recent(events, request: request)
        return respond(request, name: group.title, entries: shown.map(entries(request).entry), filename: group.slug)
    }

    @Sendable func organisation(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        let events = Array(try await EventQueries.of(organisation: organisation.requireID(), on: request.db).reversed())
        let shown = Self.recent(events, request: request)
        let since = Self.since(request)
        let activities = try await ProgrammeQueries.publicActivities(
            of: organisation.requireID(), on: request.db, now: request.now
        )
        .filter { ($0.0.endsAt ?? $0.0.startsAt ?? .distantPast) >= since }
        let builder = entries(request)
        return respond(
            request, name: organisation.name,
            entries: shown.map(builder.entry) + activities.compactMap { builder.entry($0.0, programme: $0.1) },
            filename: organisation.slug)
    }

    @Sendable func programme(request: Request) async throws -> Response {
        let (programme, _, selection) = try await ProgrammeLookup.selection(request)
        let builder = entries(request)
        let activities = try await selection.activities(on: request.db)
        return respond(
            request, name: programme.name, entries: activities.compactMap { builder.entry($0, programme: programme) },
            filename: programme.slug)
    }

    // MARK: Helpers

    /// Where a list feed's history begins.
    private static func since(_ request: Request) -> Date {
        request.now.addingTimeInterval(-history)
    }

    /// Of `events`, the one-off ones since the history began and the weekly ones still running
    /// then, each once in the reader's language.
    private static func recent(_ events: [Event], request: Request) -> [Event] {
        let since = since(request)
        let current = events.filter { event in
            if event.recurrence == .weekly { return event.recurrenceUntil.map { $0 >= since } ?? true }
            return (event.endsAt ?? event.startsAt) >= since
        }
        return LanguagePreference.preferred(current, language: request.language)
    }

    private func entries(_ request: Request) -> CalendarEntries {
        CalendarEntries(request.application, now: request.now)
    }

    private func respond(_ request: Request, name: String, entries: [ICalendar.Event], filename: String) -> Response {
        CalendarEntries.response(self.entries(request).calendar(entries, name: name), filename: filename)
    }
}
