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
        let language = request.language
        let dates = request.dates
        func link(_ organisation: Organisation) -> LinkView {
            LinkView(title: organisation.name, href: SiteURL.organisations(.show(.value(organisation.slug))).path)
        }
        let confirmed = partners.filter { $0.confirmedAt != nil }
        let accessibility = [
            activity.stepFree ? request.t("field.step_free") : nil,
            activity.hearingLoop ? request.t("field.hearing_loop") : nil,
            activity.signLanguage ? request.t("field.sign_language") : nil,
            activity.captions ? request.t("field.captions") : nil,
        ].compactMap { $0 }
        let when = [activity.startsAt.map(dates.dateAndTime), activity.endsAt.map(dates.time)].compactMap { $0 }.joined(
            separator: "–")
        let detail = ActivityShowPage.Detail(
            title: activity.title,
            summary: activity.summary,
            descriptionHTML: Markdown.html(activity.description),
            when: when,
            whenMachine: activity.startsAt.map(dates.machine),
            format: request.t("activity_format.\(activity.format.rawValue)"),
            place: ActivityCard.place(activity, request: request),
            address: activity.address,
            onlineHref: SafeURL.href(activity.onlineURL),
            organisers: [link(organisation)] + confirmed.filter { $0.role == .organiser }.map { link($0.organisation) },
            participants: confirmed.filter { $0.role == .participant }.map { link($0.organisation) },
            themes: programme.themes.filter { activity.themes.contains($0.key) }.map { $0.name(language) },
            targetGroups: programme.targetGroups.filter { activity.targetGroups.contains($0.key) }.map {
                $0.name(language)
            },
            language: request.t("activity_language.\(activity.language)"),
            accessibility: accessibility,
            accessibilityNotes: activity.accessibilityNotes,
            signUp: request.t("sign_up.\(activity.signUp.rawValue)"),
            signUpHref: activity.signUp == .external ? SafeURL.href(activity.signUpURL) : nil,
            image: SafeURL.href(activity.image)
        )
        let involved = access.canEdit(activity) || access.isReviewer
        var review: ActivityShowPage.Review?
        if involved || access.isPartner(partners) {
            let log = try await activity.$log.query(on: request.db).with(\.$member).sort(\.$createdAt).all()
            review = ActivityShowPage.Review(
                status: request.t("activity_status.\(activity.status.rawValue)"),
                message: activity.reviewMessage.nonEmpty,
                pending: activity.pendingChanges.map { request.t("activity.pending_changes", ["title": $0.title]) },
                unconfirmedPartners: partners.filter { $0.confirmedAt == nil }.map(\.organisation.name),
                log: log.map { entry in
                    let who = entry.member?.name ?? ""
                    let what = request.t("log.\(entry.kind.rawValue)")
                    let when = entry.createdAt.map(dates.dateAndTime) ?? ""
                    return [when, who, what, entry.message].filter { !$0.isEmpty }.joined(separator: " · ")
                }
            )
        }
        let editable = access.canEdit(activity)
        var star: ActivityShowPage.Star?
        if ProgrammeLookup.isListed(activity, in: programme, at: request.now) {
            let page = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
            if let memberID = access.member?.id {
                star = ActivityShowPage.Star(
                    action: SiteURL.programmes(.star(.value(programme.slug), .value(activity.slug))).path,
                    isStarred: try await StarredActivity.exists(
                        memberID: memberID, activityID: activity.requireID(), on: request.db),
                    signInHref: nil)
            } else {
                star = ActivityShowPage.Star(
                    action: nil, isStarred: false,
                    signInHref: SiteURL.signIn.path + "?next="
                        + (page.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
        }
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
            deleteHref: editable && ActivityStepsController.mayDelete(activity)
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
