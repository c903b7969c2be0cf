import Foundation
import Vapor

/// An activity as a list entry.
struct ActivityCard: Encodable {
    let title: String
    let href: String
    let summary: String
    let when: String?
    let whenMachine: String?
    /// The time of day alone ("13:00–15:30"), for views already grouped by day.
    let hours: String?
    let place: String
    let format: String
    let organisation: String
    let status: String?

    init(_ activity: Activity, programme: Programme, organisation: Organisation?, showStatus: Bool, request: Request) {
        let dates = request.dates
        title = activity.title
        href = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        summary = activity.summary
        when = activity.startsAt.map(dates.dateAndTime)
        whenMachine = activity.startsAt.map(dates.machine)
        hours = ActivityCard.hours(activity.startsAt, activity.endsAt, dates: dates)
        place = ActivityCard.place(activity, request: request)
        format = request.t("activity_format.\(activity.format.rawValue)")
        self.organisation = organisation?.name ?? ""
        status = showStatus ? request.t("activity_status.\(activity.status.rawValue)") : nil
    }

    /// A card from the programme index, without touching the database.
    init(_ facts: ProgrammeFilter.Facts, programme: Programme, request: Request) {
        let dates = request.dates
        title = facts.title
        href = SiteURL.programmes(.activity(.value(programme.slug), .value(facts.slug))).path
        summary = facts.summary
        when = facts.startsAt.map(dates.dateAndTime)
        whenMachine = facts.startsAt.map(dates.machine)
        hours = ActivityCard.hours(facts.startsAt, facts.endsAt, dates: dates)
        place = ActivityCard.place(
            allSweden: facts.allSweden, municipalityCode: facts.municipalityCode, venue: facts.venue,
            format: facts.format, request: request)
        format = request.t("activity_format.\(facts.format.rawValue)")
        organisation = facts.organisationName
        status = nil
    }

    /// "13:00–15:30", or "13:00" when the end is unknown or on another day.
    static func hours(_ start: Date?, _ end: Date?, dates: DateText) -> String? {
        guard let start else { return nil }
        guard let end, end > start, dates.dayInputValue(end) == dates.dayInputValue(start) else {
            return dates.time(start)
        }
        return dates.time(start) + "–" + dates.time(end)
    }

    static func place(_ activity: Activity, request: Request) -> String {
        place(
            allSweden: activity.allSweden, municipalityCode: activity.municipalityCode, venue: activity.venue,
            format: activity.format, request: request)
    }

    static func place(
        allSweden: Bool, municipalityCode: String?, venue: String, format: Activity.Format, request: Request
    ) -> String {
        if allSweden { return request.t("activity.all_sweden") }
        let municipality = municipalityCode.flatMap { request.application.municipalities[$0]?.name }
        return [venue.nonEmpty, municipality].compactMap { $0 }.joined(separator: ", ").nonEmpty
            ?? request.t("activity_format.\(format.rawValue)")
    }
}

/// `/programmes/{slug}/activities/{id}`.
struct ActivityShowPage: Encodable {
    struct Detail: Encodable {
        let title: String
        let summary: String
        let descriptionHTML: String
        let when: String
        let whenMachine: String?
        let format: String
        let place: String
        let address: String
        let onlineHref: String?
        let organisers: [LinkView]
        let participants: [LinkView]
        let themes: [String]
        let targetGroups: [String]
        let language: String
        let accessibility: [String]
        let accessibilityNotes: String
        let signUp: String
        let signUpHref: String?
        let image: String?
    }

    /// The "my programme" button: a form for a member, a way to sign in for a visitor.
    struct Star: Encodable {
        let action: String?
        let isStarred: Bool
        let signInHref: String?
    }

    /// What the organiser and reviewers see about the review.
    struct Review: Encodable {
        let status: String
        let message: String?
        let pending: String?
        let unconfirmedPartners: [String]
        let log: [String]
    }

    let calendarHref: String?
    let layout: LayoutContext
    let programmeName: String
    let programmeHref: String
    let activity: Detail
    let review: Review?
    let editHref: String?
    /// The organiser's steps that fit the activity's state.
    let submitAction: String?
    let withdrawAction: String?
    let deleteHref: String?
    let confirmAction: String?
    let reviewHref: String?
    let csrf: String?
    /// What other capabilities show on the page (sign-up).
    let panels: PagePanels
    /// Only on an activity the public can see.
    let star: Star?
}

/// `/account/activities`: everything the member's organisations have submitted, with status.
struct MyActivitiesPage: Encodable {
    struct Row: Encodable {
        let card: ActivityCard
        let programme: String
        let message: String?
        let pending: Bool
    }

    let layout: LayoutContext
    let heading: String
    let rows: [Row]
    let emptyText: String
}

/// Writing or changing an activity. `Programmes/activity-form`.
struct ActivityFormPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String?
    let form: FormContext?
    let noOrganisation: String?
    let registerHref: String
    let registerLabel: String
}

extension ActivityShowPage.Detail {
    /// What everyone who may see the activity reads about it.
    init(
        _ activity: Activity, programme: Programme, organisation: Organisation, confirmed: [ActivityPartner],
        request: Request
    ) {
        let language = request.language
        let dates = request.dates
        func link(_ organisation: Organisation) -> LinkView {
            LinkView(title: organisation.name, href: SiteURL.organisations(.show(.value(organisation.slug))).path)
        }
        let accessibility = [
            activity.stepFree ? request.t("field.step_free") : nil,
            activity.hearingLoop ? request.t("field.hearing_loop") : nil,
            activity.signLanguage ? request.t("field.sign_language") : nil,
            activity.captions ? request.t("field.captions") : nil,
        ].compactMap { $0 }
        self.init(
            title: activity.title,
            summary: activity.summary,
            descriptionHTML: Markdown.html(activity.description),
            when: [activity.startsAt.map(dates.dateAndTime), activity.endsAt.map(dates.time)].compactMap { $0 }
                .joined(separator: "–"),
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
    }
}

extension ActivityShowPage.Review {
    /// Where the activity stands in review and its log, for its organisers, partners and reviewers.
    init(_ activity: Activity, partners: [ActivityPartner], request: Request) async throws {
        let dates = request.dates
        let log = try await activity.$log.query(on: request.db).with(\.$member).sort(\.$createdAt).all()
        self.init(
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
}

extension ActivityShowPage.Star {
    /// "Add to my programme" for a member; for a visitor, the way to sign in first.
    init(_ activity: Activity, programme: Programme, member: Member?, request: Request) async throws {
        if let memberID = member?.id {
            self.init(
                action: SiteURL.programmes(.star(.value(programme.slug), .value(activity.slug))).path,
                isStarred: try await StarredActivity.exists(
                    memberID: memberID, activityID: activity.requireID(), on: request.db),
                signInHref: nil)
        } else {
            let page = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
            self.init(
                action: nil, isStarred: false,
                signInHref: SiteURL.signIn.path + "?next="
                    + (page.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        }
    }
}
