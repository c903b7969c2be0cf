import Fluent
import Vapor

/// Signing up to an activity of a programme edition.
struct ActivitySubject: RegistrationSubject {
    let activity: Activity
    let programme: Programme

    var title: String { activity.title }
    var section: Section { .programmes }
    var startsAt: Date? { activity.startsAt }
    var endsAt: Date? { activity.endsAt }
    var isCancelled: Bool { activity.status == .rejected }
    var onlineURL: String? { activity.onlineURL }
    func placeParts(_ municipalities: Municipalities) -> [String] { activity.placeParts(municipalities) }
    var pagePath: String { SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path }
    var registrationPath: RegistrationSubjectPath { .activity(.value(programme.slug), .value(activity.slug)) }
    var calendarUID: String { activity.calendarUID }
    var calendarPath: String? {
        SiteURL.programmes(.activityCalendar(.value(programme.slug), .value(activity.slug))).path
    }
    func calendarEntry(_ entries: CalendarEntries) -> ICalendar.Event? { entries.entry(activity, programme: programme) }
    func isOpenToPublic(now: Date) -> Bool { ProgrammeLookup.isListed(activity, in: programme, at: now) }

    func isOrganised(by member: Member, on database: any Database) async throws -> Bool {
        try await ActivityAccess.of(member, on: database).canEdit(activity)
    }

    func organisationIDs(on database: any Database) async throws -> [UUID] { [activity.$organisation.id] }

    func storedSetup(on database: any Database) async throws -> RegistrationSetup? {
        try await RegistrationSetup.query(on: database).filter(\.$activity.$id == activity.id).first()
    }

    func claim(_ setup: RegistrationSetup) { setup.$activity.id = activity.id }

    /// On an approved activity only its form, through review, changes how to sign up.
    func refusal(of setup: RegistrationSetup) -> String? {
        ActivitySignUp.bypassesReview(setup, activity) ? "error.sign_up_change_needs_review" : nil
    }

    /// The activity's own page says how to sign up; keep it in step.
    func settingsSaved(_ setup: RegistrationSetup, on database: any Database) async throws {
        activity.signUp = ActivitySignUp.signUp(for: setup.mode)
        activity.signUpURL = setup.mode == .external ? setup.externalURL : nil
        try await activity.save(on: database)
        try await ProgrammeQueries.activitiesChanged(activity.$programme.id, on: database)
    }

    func cancelled(on database: any Database) async throws {}
}
