import Fluent
import Vapor

/// Signing up to an event of the network's calendar.
struct EventSubject: RegistrationSubject {
    let event: Event

    var title: String { event.title }
    var section: Section { .events }
    var startsAt: Date? { event.startsAt }
    var endsAt: Date? { event.endsAt }
    var isCancelled: Bool { event.status == .cancelled }
    var onlineURL: String? { event.onlineURL }
    func placeParts(_ municipalities: Municipalities) -> [String] { event.placeParts(municipalities) }
    var pagePath: String { SiteURL.events(.show(.value(event.slug))).path }
    var registrationPath: RegistrationSubjectPath { .event(.value(event.slug)) }
    var calendarUID: String { event.calendarUID }
    /// The event page has its own calendar download for everyone.
    var calendarPath: String? { nil }
    func calendarEntry(_ entries: CalendarEntries) -> ICalendar.Event? { entries.entry(event) }
    func isOpenToPublic(now: Date) -> Bool { event.status == .scheduled }

    /// The members of its organisations; for the network's own events, its moderators too.
    func isOrganised(by member: Member, on database: any Database) async throws -> Bool {
        let organisations = try await organisationIDs(on: database)
        // Moderators run the network's own events; an organisation's attendees (their names,
        // addresses and answers) are for that organisation's people and admins only.
        if member.role.canEditContent && organisations.isEmpty { return true }
        let access = try await ActivityAccess.of(member, on: database)
        return !access.organisationIDs.isDisjoint(with: organisations)
    }

    func organisationIDs(on database: any Database) async throws -> [UUID] {
        try await event.$organisations.query(on: database).all().compactMap(\.id)
    }

    /// An event and its translation are one event in two languages with one list of places, so
    /// an event without settings of its own shares its translation's.
    func storedSetup(on database: any Database) async throws -> RegistrationSetup? {
        if let own = try await RegistrationSetup.query(on: database).filter(\.$event.$id == event.id).first() {
            return own
        }
        guard let partner = try await event.translation(on: database) else { return nil }
        return try await RegistrationSetup.query(on: database).filter(\.$event.$id == partner.id).first()
    }

    func claim(_ setup: RegistrationSetup) { setup.$event.id = event.id }
    func refusal(of setup: RegistrationSetup) -> String? { nil }
    func settingsSaved(_ setup: RegistrationSetup, on database: any Database) async throws {}

    /// Cancelling sign-up cancels the event itself.
    func cancelled(on database: any Database) async throws {
        event.status = .cancelled
        try await event.save(on: database)
    }
}
