import Fluent
import Vapor

/// What people sign up to. Registration works the same for every kind; each kind says here how
/// it differs, in its own file (`EventSubject`, `ActivitySubject`). A new kind conforms, gives
/// its settings a key of their own (`RegistrationSetup` keeps one column per kind) and is added
/// to `RegistrationSubjects`.
protocol RegistrationSubject: Sendable {
    var title: String { get }
    /// The part of the site the subject's pages belong to, for the menu.
    var section: Section { get }
    var startsAt: Date? { get }
    var endsAt: Date? { get }
    var isCancelled: Bool { get }
    var onlineURL: String? { get }
    /// Venue, address and municipality (none for something for all of Sweden).
    func placeParts(_ municipalities: Municipalities) -> [String]
    /// The public page of the subject.
    var pagePath: String { get }
    /// Where its registration pages live.
    var registrationPath: RegistrationSubjectPath { get }
    /// A stable identifier for calendar entries, the same as the page's own calendar download.
    var calendarUID: String { get }
    /// Its own calendar download, offered to those with a confirmed place; nil where there is none.
    var calendarPath: String? { get }
    /// What a sign-up is for, as a calendar entry.
    func calendarEntry(_ entries: CalendarEntries) -> ICalendar.Event?
    /// Whether people may sign up at all: public, and not cancelled.
    func isOpenToPublic(now: Date) -> Bool
    /// Whether this member (not an admin: admins always may) organises it.
    func isOrganised(by member: Member, on database: any Database) async throws -> Bool
    /// The organisations whose people run its sign-ups; none for the network's own events,
    /// which its moderators run.
    func organisationIDs(on database: any Database) async throws -> [UUID]
    /// Its stored registration settings, if it has any.
    func storedSetup(on database: any Database) async throws -> RegistrationSetup?
    /// Makes fresh settings its own.
    func claim(_ setup: RegistrationSetup)
    /// Why these settings may not be saved for it, as a catalogue key; nil when they may.
    func refusal(of setup: RegistrationSetup) -> String?
    /// After its settings were saved, inside the same transaction.
    func settingsSaved(_ setup: RegistrationSetup, on database: any Database) async throws
    /// After its organiser cancelled it through registration, inside the same transaction.
    func cancelled(on database: any Database) async throws
}

extension RegistrationSubject {
    /// Where it is, each part once ("Umeå" not again after "Storgatan 1, Umeå").
    func place(_ municipalities: Municipalities) -> String {
        PlaceLine.join(placeParts(municipalities), link: nil)
    }

    /// Where it is and the link for joining online: what to tell someone coming.
    func placeAndLink(_ municipalities: Municipalities) -> String {
        PlaceLine.join(placeParts(municipalities), link: onlineURL)
    }

    /// One of its registration pages.
    func path(_ route: RegistrationRoute) -> String {
        SiteURL.registration(registrationPath, route).path
    }

    /// Its organisers, and admins always.
    func canManage(_ member: Member?, on database: any Database) async throws -> Bool {
        guard let member else { return false }
        if member.role == .admin { return true }
        return try await isOrganised(by: member, on: database)
    }

    /// Its registration settings, or fresh ones (sign-up off) when it has none.
    func setup(on database: any Database) async throws -> RegistrationSetup {
        try await storedSetup(on: database) ?? RegistrationSetup.fresh(for: self)
    }
}

/// The kinds people sign up to, and the way to them from an address or from stored settings.
enum RegistrationSubjects {
    /// The subject a registration route names: `/events/{slug}/…` or
    /// `/programmes/{slug}/{activity}/…`.
    static func find(_ request: Request) async throws -> any RegistrationSubject {
        if request.parameters.get("activity") != nil {
            let (programme, activity) = try await ProgrammeLookup.activity(request)
            return ActivitySubject(activity: activity, programme: programme)
        }
        return EventSubject(event: try await Event.find(slugIn: request))
    }

    /// The subject of an item page, for the sign-up box; nil for kinds nobody signs up to.
    static func of(_ item: any AttachableItem) -> (any RegistrationSubject)? {
        switch item {
        case let event as Event: EventSubject(event: event)
        case let item as ProgrammeActivity: ActivitySubject(activity: item.activity, programme: item.programme)
        default: nil
        }
    }

    /// The subject stored settings belong to; in `language` when the event has a translation in
    /// it, so an English registrant reads of the English event.
    static func of(
        _ setup: RegistrationSetup, in language: Language? = nil, on database: any Database
    ) async throws -> (any RegistrationSubject)? {
        if let eventID = setup.$event.id, let event = try await Event.find(eventID, on: database) {
            if let language, event.language != language, let translation = try await event.translation(on: database) {
                return EventSubject(event: translation)
            }
            return EventSubject(event: event)
        }
        if let activityID = setup.$activity.id, let activity = try await Activity.find(activityID, on: database),
            let programme = try await Programme.find(activity.$programme.id, on: database)
        {
            return ActivitySubject(activity: activity, programme: programme)
        }
        return nil
    }
}
