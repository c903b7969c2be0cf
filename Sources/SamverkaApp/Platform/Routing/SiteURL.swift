import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

extension Parameter<String> {
    /// The path segment: `:name` when registering a route, the percent-encoded value in a link.
    func segment(_ name: String) -> String {
        switch self {
        case .key: ":" + name
        case .value(let text): text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
        }
    }
}

/// The pages of one kind of content (events, projects, local groups), which all follow the
/// same shape: index, new, show, edit, delete.
enum ContentRoute: Sendable {
    case index
    case new
    case show(Parameter<String>)
    case edit(Parameter<String>)
    case delete(Parameter<String>)
    /// The list as an iCalendar feed (`/events.ics`) and as Atom (`/events.atom`).
    case indexCalendar
    case indexFeed
    case indexCSV
    /// One item's calendar: an event, or a group's events.
    case calendar(Parameter<String>)
    /// Moderators take an event off the site and put it back.
    case unpublish(Parameter<String>)
    case republish(Parameter<String>)
    /// The members who publish events for a local group: adding one, taking one away.
    case organisers(Parameter<String>)
    case removeOrganiser(Parameter<String>, Parameter<String>)

    var suffix: String {
        switch self {
        case .index: ""
        case .new: "/new"
        case .show(let slug): "/" + slug.segment("slug")
        case .edit(let slug): "/" + slug.segment("slug") + "/edit"
        case .delete(let slug): "/" + slug.segment("slug") + "/delete"
        case .indexCalendar: ".ics"
        case .indexFeed: ".atom"
        case .indexCSV: ".csv"
        case .calendar(let slug): "/" + slug.segment("slug") + "/calendar.ics"
        case .unpublish(let slug): "/" + slug.segment("slug") + "/unpublish"
        case .republish(let slug): "/" + slug.segment("slug") + "/republish"
        case .organisers(let slug): "/" + slug.segment("slug") + "/organisers"
        case .removeOrganiser(let slug, let id):
            "/" + slug.segment("slug") + "/organisers/" + id.segment("organiser") + "/remove"
        }
    }

}

/// The pages of organisations: the directory, registering, editing and their members.
enum OrganisationRoute: Sendable {
    case index
    case new
    case show(Parameter<String>)
    case edit(Parameter<String>)
    case members(Parameter<String>)
    case join(Parameter<String>)
    case membership(Parameter<String>, Parameter<String>)
    case verify(Parameter<String>)
    case calendar(Parameter<String>)
    /// The directory, with its filters, as CSV.
    case csv

    var suffix: String {
        return switch self {
        case .index: ""
        case .new: "/new"
        case .show(let slug): "/" + slug.segment("slug")
        case .edit(let slug): "/" + slug.segment("slug") + "/edit"
        case .members(let slug): "/" + slug.segment("slug") + "/members"
        case .join(let slug): "/" + slug.segment("slug") + "/join"
        case .membership(let slug, let id): "/" + slug.segment("slug") + "/members/" + id.segment("membership")
        case .verify(let slug): "/" + slug.segment("slug") + "/verify"
        case .calendar(let slug): "/" + slug.segment("slug") + "/calendar.ics"
        case .csv: ".csv"
        }
    }
}

/// The pages of programme editions and their activities.
enum ProgrammeRoute: Sendable {
    case index
    case new
    case show(Parameter<String>)
    case edit(Parameter<String>)
    case newActivity(Parameter<String>)
    case activities(Parameter<String>)
    /// An activity by its slug in the edition (`ActivitySlugs`).
    case activity(Parameter<String>, Parameter<String>)
    /// Its address before activities had slugs, by id, with any page below it.
    case oldActivity(Parameter<String>, Parameter<String>)
    case editActivity(Parameter<String>, Parameter<String>)
    case confirmPartner(Parameter<String>, Parameter<String>)
    /// The organiser's steps from the activity's page.
    case submitActivity(Parameter<String>, Parameter<String>)
    case withdrawActivity(Parameter<String>, Parameter<String>)
    case deleteActivity(Parameter<String>, Parameter<String>)
    case activityCalendar(Parameter<String>, Parameter<String>)
    /// Adds the activity to the member's own programme, or takes it away.
    case star(Parameter<String>, Parameter<String>)
    case review(Parameter<String>)
    case statistics(Parameter<String>)
    case csv(Parameter<String>)
    case reviewActivity(Parameter<String>, Parameter<String>)
    /// The approved activities, with the page's filters, as iCalendar and as Atom.
    case calendar(Parameter<String>)
    case feed(Parameter<String>)
    case reviewCSV(Parameter<String>)

    var suffix: String {
        func activityPath(_ slug: Parameter<String>, _ activity: Parameter<String>) -> String {
            "/" + slug.segment("slug") + "/" + activity.segment("activity")
        }
        return switch self {
        case .index: ""
        case .new: "/new"
        case .show(let slug): "/" + slug.segment("slug")
        case .edit(let slug): "/" + slug.segment("slug") + "/edit"
        case .newActivity(let slug): "/" + slug.segment("slug") + "/activities/new"
        case .activities(let slug): "/" + slug.segment("slug") + "/activities"
        case .activity(let slug, let id): activityPath(slug, id)
        case .oldActivity(let slug, let id): "/" + slug.segment("slug") + "/activities/" + id.segment("activity")
        case .editActivity(let slug, let id): activityPath(slug, id) + "/edit"
        case .confirmPartner(let slug, let id): activityPath(slug, id) + "/confirm"
        case .submitActivity(let slug, let id): activityPath(slug, id) + "/submit"
        case .withdrawActivity(let slug, let id): activityPath(slug, id) + "/withdraw"
        case .deleteActivity(let slug, let id): activityPath(slug, id) + "/delete"
        case .activityCalendar(let slug, let id): activityPath(slug, id) + "/calendar.ics"
        case .star(let slug, let id): activityPath(slug, id) + "/star"
        case .review(let slug): "/" + slug.segment("slug") + "/review"
        case .statistics(let slug): "/" + slug.segment("slug") + "/statistics"
        case .csv(let slug): "/" + slug.segment("slug") + "/activities.csv"
        case .reviewActivity(let slug, let id): activityPath(slug, id) + "/review"
        case .calendar(let slug): "/" + slug.segment("slug") + "/calendar.ics"
        case .feed(let slug): "/" + slug.segment("slug") + "/feed.atom"
        case .reviewCSV(let slug): "/" + slug.segment("slug") + "/review.csv"
        }
    }
}

/// The registration pages of one event or activity, below its page.
enum RegistrationRoute: Sendable {
    case register
    /// Where a guest lands after signing up: the seat waits for the emailed link.
    case sent
    /// A guest asks for their personal link again.
    case resendLink
    case settings
    case attendees
    case attendeesCSV
    case attendee(Parameter<String>)
    case message
    case cancelEvent

    var suffix: String {
        switch self {
        case .register: "/register"
        case .sent: "/register/sent"
        case .resendLink: "/register/link"
        case .settings: "/registration"
        case .attendees: "/attendees"
        case .attendeesCSV: "/attendees.csv"
        case .attendee(let id): "/attendees/" + id.segment("registration")
        case .message: "/attendees/message"
        case .cancelEvent: "/registration/cancel"
        }
    }
}

/// What a registration route hangs on: an event or a programme activity.
enum RegistrationSubjectPath: Sendable {
    case event(Parameter<String>)
    case activity(Parameter<String>, Parameter<String>)

    var path: String {
        switch self {
        case .event(let slug): SiteURL.events(.show(slug)).path
        case .activity(let slug, let id): SiteURL.programmes(.activity(slug, id)).path
        }
    }
}

/// The JSON API, version 1, and its description.
enum APIRoute: Sendable {
    case openAPI
    case events
    case event(Parameter<String>)
    case programmes
    case programme(Parameter<String>)
    case activities(Parameter<String>)
    case activity(Parameter<String>, Parameter<String>)
    case statistics(Parameter<String>)
    case organisations
    case organisation(Parameter<String>)
    case projects
    case project(Parameter<String>)
    case groups
    case group(Parameter<String>)

    var path: String {
        switch self {
        case .openAPI: "/api/openapi.json"
        case .events: "/api/v1/events"
        case .event(let slug): "/api/v1/events/" + slug.segment("slug")
        case .programmes: "/api/v1/programmes"
        case .programme(let slug): "/api/v1/programmes/" + slug.segment("slug")
        case .activities(let slug): "/api/v1/programmes/" + slug.segment("slug") + "/activities"
        case .activity(let slug, let id):
            "/api/v1/programmes/" + slug.segment("slug") + "/activities/" + id.segment("activity")
        case .statistics(let slug): "/api/v1/programmes/" + slug.segment("slug") + "/statistics"
        case .organisations: "/api/v1/organisations"
        case .organisation(let slug): "/api/v1/organisations/" + slug.segment("slug")
        case .projects: "/api/v1/projects"
        case .project(let slug): "/api/v1/projects/" + slug.segment("slug")
        case .groups: "/api/v1/groups"
        case .group(let slug): "/api/v1/groups/" + slug.segment("slug")
        }
    }
}

/// Every URL of the site, defined once: routes are registered from these and every link in a
/// page is built from them, so renaming a route breaks the build rather than the site.
enum SiteURL: Sendable {
    case home
    case events(ContentRoute)
    case projects(ContentRoute)
    case groups(ContentRoute)
    case organisations(OrganisationRoute)
    case programmes(ProgrammeRoute)
    case signIn
    case signUp
    case signOut
    case account
    /// "Check your inbox" after signing up, and the emailed link that confirms the address.
    case signUpSent
    case confirmEmail(Parameter<String>)
    case forgotPassword
    case forgotPasswordSent
    case resetPassword(Parameter<String>)
    case changePassword
    case changeEmail
    case confirmEmailChange(Parameter<String>)
    case signOutEverywhere
    /// Two-factor sign-in: setting it up or off, and the code step of signing in.
    case twoFactor
    case twoFactorOff
    case signInCode
    case accountData
    /// The member's name, language and notification choices.
    case accountProfile
    /// A member's notifications, one of them (opened: read), and "mark all read".
    case notifications
    case notification(Parameter<String>)
    case notificationsRead
    case deleteAccount
    case myActivities
    case myRegistrations
    case registration(RegistrationSubjectPath, RegistrationRoute)
    /// A person's own registration, by the secret in their personal link.
    case personalRegistration(Parameter<String>)
    case confirmRegistration(Parameter<String>)
    case cancelRegistration(Parameter<String>)
    /// The staff's dashboard: what waits for whom.
    case admin
    case outbox
    case outboxMessage(Parameter<String>)
    /// The admins' page of members, one member, and the changes admins make.
    case adminMembers
    case adminMember(Parameter<String>)
    case adminMemberRole(Parameter<String>)
    case adminMemberSuspension(Parameter<String>)
    case adminTwoFactorPolicy
    /// A member's own sign-ups as a calendar feed, by the secret in its address; and a new secret.
    case memberCalendar(Parameter<String>)
    case resetMemberCalendar
    /// The member's starred activities, and the same as a calendar by the same secret.
    case myProgramme
    case starredCalendar(Parameter<String>)
    case api(APIRoute)
    /// The open data described in DCAT-AP-SE, as RDF/XML and as Turtle.
    case dataCatalog
    case dataCatalogTurtle
    /// Pages for other sites' iframes.
    case embedEvents
    case embedProgramme(Parameter<String>)
    case healthz
    case metrics
    case uploads
    /// The accessibility statement and the privacy notice, linked from every page's footer.
    case accessibility
    case privacy
    /// What the site is, its open data, and the guide for organisers.
    case about
    case help

    var path: String {
        switch self {
        case .home: "/"
        case .events(let route): "/events" + route.suffix
        case .projects(let route): "/projects" + route.suffix
        case .groups(let route): "/groups" + route.suffix
        case .organisations(let route): "/organisations" + route.suffix
        case .programmes(let route): "/programmes" + route.suffix
        case .signIn: "/sign-in"
        case .signUp: "/sign-up"
        case .signOut: "/sign-out"
        case .account: "/account"
        case .signUpSent: "/sign-up/sent"
        case .confirmEmail(let token): "/account/confirm/" + token.segment("token")
        case .forgotPassword: "/password/forgot"
        case .forgotPasswordSent: "/password/forgot/sent"
        case .resetPassword(let token): "/password/reset/" + token.segment("token")
        case .changePassword: "/account/password"
        case .changeEmail: "/account/email"
        case .confirmEmailChange(let token): "/account/email/confirm/" + token.segment("token")
        case .signOutEverywhere: "/account/sign-out-everywhere"
        case .twoFactor: "/account/two-factor"
        case .twoFactorOff: "/account/two-factor/off"
        case .signInCode: "/sign-in/code"
        case .accountData: "/account/data.json"
        case .accountProfile: "/account/profile"
        case .notifications: "/notifications"
        case .notification(let id): "/notifications/" + id.segment("notification")
        case .notificationsRead: "/notifications/read"
        case .deleteAccount: "/account/delete"
        case .myActivities: "/account/activities"
        case .myRegistrations: "/account/registrations"
        case .registration(let subject, let route): subject.path + route.suffix
        case .personalRegistration(let token): "/registrations/" + token.segment("token")
        case .confirmRegistration(let token): "/registrations/" + token.segment("token") + "/confirm"
        case .cancelRegistration(let token): "/registrations/" + token.segment("token") + "/cancel"
        case .memberCalendar(let token): "/calendars/" + token.segment("token") + "/registrations.ics"
        case .resetMemberCalendar: "/account/calendar"
        case .myProgramme: "/account/programme"
        case .starredCalendar(let token): "/calendars/" + token.segment("token") + "/programme.ics"
        case .api(let route): route.path
        case .dataCatalog: "/catalog.rdf"
        case .dataCatalogTurtle: "/catalog.ttl"
        case .embedEvents: "/embed/events"
        case .embedProgramme(let slug): "/embed/programmes/" + slug.segment("slug")
        case .outbox: "/admin/outbox"
        case .outboxMessage(let id): "/admin/outbox/" + id.segment("message")
        case .admin: "/admin"
        case .adminMembers: "/admin/members"
        case .adminMember(let id): "/admin/members/" + id.segment("member")
        case .adminMemberRole(let id): "/admin/members/" + id.segment("member") + "/role"
        case .adminMemberSuspension(let id): "/admin/members/" + id.segment("member") + "/suspension"
        case .adminTwoFactorPolicy: "/admin/members/two-factor"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .uploads: "/uploads"
        case .accessibility: "/accessibility"
        case .privacy: "/privacy"
        case .about: "/about"
        case .help: "/help"
        }
    }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}
