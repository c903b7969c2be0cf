import Fluent
import Vapor

/// The page of one activity, and an organiser's list of their own.
struct ActivityShowController: Sendable {
    @Sendable func show(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        let partners = try await activity.$partners.query(on: request.db).with(\.$organisation).all()
        // Not 403: an activity still in review is not announced to strangers at all.
        guard access.canSee(activity, partners: partners, programme: programme, now: request.now) else {
            throw Abort(.notFound)
        }
        let organisation = try await activity.$organisation.get(on: request.db)
        let confirmed = partners.filter { $0.confirmedAt != nil }
        let detail = ActivityShowPage.Detail(
            activity, programme: programme, organisation: organisation, confirmed: confirmed, request: request)
        let involved = access.canEdit(activity) || access.isReviewer || access.isPartner(partners)
        let review = involved ? try await ActivityShowPage.Review(activity, partners: partners, request: request) : nil
        let editable = access.canEdit(activity)
        let star =
            ProgrammeLookup.isListed(activity, in: programme, at: request.now)
            ? try await ActivityShowPage.Star(activity, programme: programme, member: access.member, request: request)
            : nil
        let canConfirm = try await !PartnerConfirmation.confirmable(partners, access: access, on: request.db).isEmpty
        let context = ActivityShowPage(
            calendarHref: activity.startsAt == nil
                ? nil : SiteURL.programmes(.activityCalendar(.value(programme.slug), .value(activity.slug))).path,
            layout: request.layout(title: activity.title, section: .programmes, description: activity.summary)
                .with(
                    structuredData: request.structuredData.activity(
                        activity, programme: programme,
                        organisers: [organisation] + confirmed.filter { $0.role == .organiser }.map(\.organisation))),
            programmeName: programme.name,
            programmeHref: SiteURL.programmes(.show(.value(programme.slug))).path,
            activity: detail,
            review: review,
            editHref: editable
                ? SiteURL.programmes(.editActivity(.value(programme.slug), .value(activity.slug))).path : nil,
            submitAction: editable && [.draft, .changesRequested].contains(activity.status)
                ? SiteURL.programmes(.submitActivity(.value(programme.slug), .value(activity.slug))).path : nil,
            withdrawAction: editable && activity.status == .submitted
                ? SiteURL.programmes(.withdrawActivity(.value(programme.slug), .value(activity.slug))).path : nil,
            deleteHref: editable && ActivityReview.mayDelete(activity)
                ? SiteURL.programmes(.deleteActivity(.value(programme.slug), .value(activity.slug))).path : nil,
            confirmAction: canConfirm
                ? SiteURL.programmes(.confirmPartner(.value(programme.slug), .value(activity.slug))).path : nil,
            reviewHref: access.isReviewer
                ? SiteURL.programmes(.review(.value(programme.slug))).path + "#activity-"
                    + (try activity.requireID().uuidString) : nil,
            csrf: access.member == nil ? nil : request.csrfToken,
            panels: activity.status == .approved || access.canEdit(activity)
                ? try await request.panels(for: ProgrammeActivity(activity: activity, programme: programme)) : .none,
            star: star
        )
        return try await request.render("Programmes/activity", context)
    }

    /// The activity as an iCalendar file, for the reader's own calendar.
    @Sendable func calendar(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        let partners = try await activity.$partners.query(on: request.db).all()
        guard access.canSee(activity, partners: partners, programme: programme, now: request.now) else {
            throw Abort(.notFound)
        }
        let entries = CalendarEntries(request.application, now: request.now)
        guard let entry = entries.entry(activity, programme: programme) else { throw Abort(.notFound) }
        return CalendarEntries.response(entries.calendar([entry]), filename: try activity.requireID().uuidString)
    }

    @Sendable func mine(request: Request) async throws -> Response {
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        let activities = try await Activity.query(on: request.db)
            .filter(\.$organisation.$id ~~ Array(access.organisationIDs))
            .with(\.$programme).with(\.$organisation)
            .sort(\.$updatedAt, .descending)
            .all()
        let heading = request.t("activity.mine_title")
        let context = MyActivitiesPage(
            layout: request.layout(title: heading, section: .account),
            heading: heading,
            rows: activities.map {
                MyActivitiesPage.Row(
                    card: ActivityCard(
                        $0, programme: $0.programme, organisation: $0.organisation, showStatus: true, request: request),
                    programme: $0.programme.name,
                    message: $0.reviewMessage.nonEmpty,
                    pending: $0.pendingChanges != nil
                )
            },
            emptyText: request.t("activity.mine_empty")
        )
        return try await request.render("Programmes/mine", context)
    }
}
