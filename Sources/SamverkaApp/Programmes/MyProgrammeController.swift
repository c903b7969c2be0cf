import Fluent
import Vapor

/// "My programme": a member stars the activities they mean to go to, reads them together day by
/// day, and subscribes to them as a calendar behind the same secret address as their sign-ups.
struct MyProgrammeController: Sendable {
    /// `intent=add` or `intent=remove`, never a toggle: pressing twice, or a page left open in
    /// two tabs, ends where the person meant.
    private struct StarInput: Content {
        var intent: String?
        /// `mine` when the form is on the my-programme page, which is where it returns.
        var from: String?
    }

    @Sendable func star(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        // Only what the public can see can be starred; anything else is not there.
        guard ProgrammeLookup.isListed(activity, in: programme, at: request.now) else { throw Abort(.notFound) }
        let input = (try? request.content.decode(StarInput.self)) ?? StarInput()
        let memberID = try member.requireID()
        let activityID = try activity.requireID()
        let starred = try await StarredActivity.exists(memberID: memberID, activityID: activityID, on: request.db)
        switch input.intent {
        case "add":
            if !starred {
                do {
                    try await StarredActivity(memberID: memberID, activityID: activityID).create(on: request.db)
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    // The same star from a second tab at the same moment: it is there either way.
                    _ = error
                }
            }
            request.flash(request.t("my_programme.added", ["title": activity.title]))
        case "remove":
            try await StarredActivity.query(on: request.db).filter(\.$member.$id == memberID).filter(
                \.$activity.$id == activityID
            ).delete()
            request.flash(request.t("my_programme.removed", ["title": activity.title]))
        default:
            throw Abort(.badRequest)
        }
        let back =
            input.from == "mine"
            ? SiteURL.myProgramme.path
            : SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        return request.redirect(to: back, redirectType: .normal)
    }

    @Sendable func page(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let activities = try await StarredActivity.visible(memberID: member.requireID(), on: request.db)
        let dates = request.dates
        var editions: [MyProgrammeEdition] = []
        for group in Dictionary(grouping: activities, by: { $0.$programme.id }).values.sorted(by: {
            Self.first($0) < Self.first($1)
        }) {
            guard let programme = group.first?.programme else { continue }
            let days = group.runs { $0.startsAt.map(dates.longDate) ?? request.t("programme.no_time") }.map {
                heading, activities in
                MyProgrammeDay(
                    heading: heading,
                    activities: activities.map { activity in
                        MyProgrammeRow(
                            card: ActivityCard(
                                activity, programme: programme, organisation: activity.organisation, showStatus: false,
                                request: request),
                            removeAction: SiteURL.programmes(.star(.value(programme.slug), .value(activity.slug))).path)
                    })
            }
            editions.append(
                MyProgrammeEdition(
                    name: programme.name, href: SiteURL.programmes(.show(.value(programme.slug))).path, days: days))
        }
        let heading = request.t("my_programme.title")
        return try await request.render(
            "Programmes/my-programme",
            MyProgrammePage(
                layout: request.layout(title: heading, section: .account),
                heading: heading,
                editions: editions,
                calendarURL: member.calendarToken.isEmpty
                    ? nil
                    : request.application.settings.publicURL
                        + SiteURL.starredCalendar(.value(member.calendarToken)).path,
                calendarAction: SiteURL.resetMemberCalendar.path,
                csrf: request.csrfToken
            ))
    }

    /// The starred activities as a calendar, found by the secret in the address (calendar
    /// programs send no cookies). A starred activity that is later cancelled or withdrawn
    /// leaves the feed, and so the subscribed calendar.
    @Sendable func calendar(request: Request) async throws -> Response {
        guard let member = try await Member.find(calendarToken: request.parameters.get("token"), on: request.db) else {
            throw Abort(.notFound)
        }
        let activities = try await StarredActivity.visible(memberID: member.requireID(), on: request.db)
        let entries = CalendarEntries(request.application, now: request.now)
        let calendar = entries.calendar(
            activities.compactMap { entries.entry($0, programme: $0.programme) },
            name: request.t("my_programme.title") + " · " + request.application.settings.siteName)
        let response = CalendarEntries.response(calendar, filename: "my-programme")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    private static func first(_ activities: [Activity]) -> Date {
        activities.compactMap(\.startsAt).min() ?? .distantFuture
    }
}
