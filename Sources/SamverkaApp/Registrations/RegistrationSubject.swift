import Fluent
import Vapor

/// What people sign up to: an event of the network's calendar or an activity of a programme
/// week. Registration works the same for both; this says where they differ.
enum RegistrationSubject: Sendable {
    case event(Event)
    case activity(Activity, Programme)

    /// The subject a registration route names: `/events/{slug}/…` or
    /// `/programmes/{slug}/activities/{activity}/…`.
    static func find(_ request: Request) async throws -> RegistrationSubject {
        if request.parameters.get("activity") != nil {
            let (programme, activity) = try await ProgrammeLookup.activity(request)
            return .activity(activity, programme)
        }
        return .event(try await Event.find(slugIn: request))
    }

    var title: String {
        switch self {
        case .event(let event): event.title
        case .activity(let activity, _): activity.title
        }
    }

    /// The part of the site the subject's pages belong to, for the menu.
    var section: Section {
        switch self {
        case .event: .events
        case .activity: .programmes
        }
    }

    var startsAt: Date? {
        switch self {
        case .event(let event): event.startsAt
        case .activity(let activity, _): activity.startsAt
        }
    }

    var endsAt: Date? {
        switch self {
        case .event(let event): event.endsAt
        case .activity(let activity, _): activity.endsAt
        }
    }

    var isCancelled: Bool {
        switch self {
        case .event(let event): event.status == .cancelled
        case .activity(let activity, _): activity.status == .rejected
        }
    }

    var onlineURL: String? {
        switch self {
        case .event(let event): event.onlineURL
        case .activity(let activity, _): activity.onlineURL
        }
    }

    /// Venue, address and municipality (none for an activity for all of Sweden).
    func placeParts(_ municipalities: Municipalities) -> [String] {
        switch self {
        case .event(let event): event.placeParts(municipalities)
        case .activity(let activity, _): activity.placeParts(municipalities)
        }
    }

    /// Where it is, each part once ("Umeå" not again after "Storgatan 1, Umeå").
    func place(_ municipalities: Municipalities) -> String {
        PlaceLine.join(placeParts(municipalities), link: nil)
    }

    /// Where it is and the link for joining online: what to tell someone coming.
    func placeAndLink(_ municipalities: Municipalities) -> String {
        PlaceLine.join(placeParts(municipalities), link: onlineURL)
    }

    /// The public page of the event or activity.
    var pagePath: String {
        switch self {
        case .event(let event): SiteURL.events(.show(.value(event.slug))).path
        case .activity(let activity, let programme):
            SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        }
    }

    /// One of its registration pages.
    func path(_ route: RegistrationRoute) -> String {
        switch self {
        case .event(let event): SiteURL.registration(.event(.value(event.slug)), route).path
        case .activity(let activity, let programme):
            SiteURL.registration(.activity(.value(programme.slug), .value(activity.slug)), route).path
        }
    }

    /// A stable identifier for calendar entries, the same as the page's own calendar download.
    var calendarUID: String {
        switch self {
        case .event(let event): event.calendarUID
        case .activity(let activity, _): activity.calendarUID
        }
    }

    /// Whether people may sign up at all: public, and not cancelled.
    func isOpenToPublic(now: Date) -> Bool {
        switch self {
        case .event(let event): event.status == .scheduled
        case .activity(let activity, let programme): ProgrammeLookup.isListed(activity, in: programme, at: now)
        }
    }

    /// The event's organisers (the members of its organisations, and the network's editors for
    /// its own calendar) or the activity's organiser; admins always.
    func canManage(_ member: Member?, on database: any Database) async throws -> Bool {
        guard let member else { return false }
        if member.role == .admin { return true }
        switch self {
        case .event(let event):
            let organisations = try await event.$organisations.query(on: database).all().compactMap(\.id)
            // Moderators run the network's own events; an organisation's attendees (their
            // names, addresses and answers) are for that organisation's people and admins only.
            if member.role.canEditContent && organisations.isEmpty { return true }
            let access = try await ActivityAccess.of(member, on: database)
            return !access.organisationIDs.isDisjoint(with: organisations)
        case .activity(let activity, _):
            return try await ActivityAccess.of(member, on: database).canEdit(activity)
        }
    }

    /// The subject's registration settings, or fresh ones (sign-up off) when it has none. An
    /// event and its translation are one event in two languages with one list of places, so an
    /// event without settings of its own shares its translation's.
    func setup(on database: any Database) async throws -> RegistrationSetup {
        switch self {
        case .event(let event):
            if let own = try await RegistrationSetup.query(on: database).filter(\.$event.$id == event.id).first() {
                return own
            }
            if let partner = try await event.translation(on: database),
                let shared = try await RegistrationSetup.query(on: database).filter(\.$event.$id == partner.id).first()
            {
                return shared
            }
        case .activity(let activity, _):
            if let own = try await RegistrationSetup.query(on: database).filter(\.$activity.$id == activity.id).first()
            {
                return own
            }
        }
        return RegistrationSetup.fresh(for: self)
    }

    /// The subject a stored setup belongs to; in `language` when the event has a translation in
    /// it, so an English registrant reads of the English event.
    static func of(
        _ setup: RegistrationSetup, in language: Language? = nil, on database: any Database
    ) async throws -> RegistrationSubject? {
        if let eventID = setup.$event.id, let event = try await Event.find(eventID, on: database) {
            if let language, event.language != language, let translation = try await event.translation(on: database) {
                return .event(translation)
            }
            return .event(event)
        }
        if let activityID = setup.$activity.id, let activity = try await Activity.find(activityID, on: database),
            let programme = try await Programme.find(activity.$programme.id, on: database)
        {
            return .activity(activity, programme)
        }
        return nil
    }
}
