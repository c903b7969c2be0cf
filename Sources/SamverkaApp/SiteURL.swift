import Vapor

/// A path parameter: `.key` when registering a route, `.value` when building a link.
enum Parameter<Value: Sendable>: Sendable {
    case key
    case value(Value)
}

/// The pages of one kind of content (events, projects, local groups), which all follow the
/// same shape: index, new, show, edit, delete.
enum ContentRoute: Sendable {
    case index
    case new
    case show(Parameter<String>)
    case edit(Parameter<String>)
    case delete(Parameter<String>)

    var suffix: String {
        switch self {
        case .index: ""
        case .new: "/new"
        case .show(let slug): "/" + Self.segment(slug)
        case .edit(let slug): "/" + Self.segment(slug) + "/edit"
        case .delete(let slug): "/" + Self.segment(slug) + "/delete"
        }
    }

    private static func segment(_ slug: Parameter<String>) -> String {
        switch slug {
        case .key: ":slug"
        case .value(let value): value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? value
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

    var suffix: String {
        func segment(_ value: Parameter<String>, _ key: String) -> String {
            switch value {
            case .key: ":" + key
            case .value(let text): text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
            }
        }
        return switch self {
        case .index: ""
        case .new: "/new"
        case .show(let slug): "/" + segment(slug, "slug")
        case .edit(let slug): "/" + segment(slug, "slug") + "/edit"
        case .members(let slug): "/" + segment(slug, "slug") + "/members"
        case .join(let slug): "/" + segment(slug, "slug") + "/join"
        case .membership(let slug, let id): "/" + segment(slug, "slug") + "/members/" + segment(id, "membership")
        case .verify(let slug): "/" + segment(slug, "slug") + "/verify"
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
    case activity(Parameter<String>, Parameter<String>)
    case editActivity(Parameter<String>, Parameter<String>)
    case confirmPartner(Parameter<String>, Parameter<String>)
    case activityCalendar(Parameter<String>, Parameter<String>)
    case review(Parameter<String>)
    case statistics(Parameter<String>)
    case csv(Parameter<String>)
    case reviewActivity(Parameter<String>, Parameter<String>)

    var suffix: String {
        func segment(_ value: Parameter<String>, _ key: String) -> String {
            switch value {
            case .key: ":" + key
            case .value(let text): text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text
            }
        }
        func activityPath(_ slug: Parameter<String>, _ id: Parameter<String>) -> String {
            "/" + segment(slug, "slug") + "/activities/" + segment(id, "activity")
        }
        return switch self {
        case .index: ""
        case .new: "/new"
        case .show(let slug): "/" + segment(slug, "slug")
        case .edit(let slug): "/" + segment(slug, "slug") + "/edit"
        case .newActivity(let slug): "/" + segment(slug, "slug") + "/activities/new"
        case .activities(let slug): "/" + segment(slug, "slug") + "/activities"
        case .activity(let slug, let id): activityPath(slug, id)
        case .editActivity(let slug, let id): activityPath(slug, id) + "/edit"
        case .confirmPartner(let slug, let id): activityPath(slug, id) + "/confirm"
        case .activityCalendar(let slug, let id): activityPath(slug, id) + "/calendar.ics"
        case .review(let slug): "/" + segment(slug, "slug") + "/review"
        case .statistics(let slug): "/" + segment(slug, "slug") + "/statistics"
        case .csv(let slug): "/" + segment(slug, "slug") + "/activities.csv"
        case .reviewActivity(let slug, let id): activityPath(slug, id) + "/review"
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
    case myActivities
    case healthz
    case uploads

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
        case .myActivities: "/account/activities"
        case .healthz: "/healthz"
        case .uploads: "/uploads"
        }
    }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}
