import Fluent
import Vapor

/// What an organiser does with their activity from its page: submit a draft as it is, withdraw
/// a submission before it is decided, and delete a draft or a rejected activity.
struct ActivityStepsController: Sendable {
    /// Submits the activity as saved; what is missing shows in its form, beside each field.
    @Sendable func submit(request: Request) async throws -> Response {
        let (programme, activity) = try await editable(request)
        guard activity.status == .draft || activity.status == .changesRequested else {
            return back(request, programme, activity)
        }
        let partners = try await activity.$partners.query(on: request.db).with(\.$organisation).all()
        let organisation = try await activity.$organisation.get(on: request.db)
        var input = ActivityInput(
            activity, partners: partners.map { ($0.organisation.name, $0.role) }, organisationSlug: organisation.slug,
            dates: request.dates)
        input.intent = "submit"
        return try await ActivityController().save(
            request, programme: programme, activity: activity, isNew: false, given: input)
    }

    /// Takes a submission back before a reviewer has decided: a draft again.
    @Sendable func withdraw(request: Request) async throws -> Response {
        let (programme, activity) = try await editable(request)
        guard activity.status == .submitted else { return back(request, programme, activity) }
        activity.status = .draft
        let member = try request.auth.require(Member.self)
        try await request.db.transaction { database in
            try await activity.save(on: database)
            try await ActivityLogEntry(activityID: try activity.requireID(), memberID: member.id, kind: .withdrawn)
                .save(on: database)
            try await ProgrammeQueries.activitiesChanged(activity.$programme.id, on: database)
        }
        request.flash(request.t("flash.activity_withdrawn", ["title": activity.title]))
        return back(request, programme, activity)
    }

    @Sendable func confirmDelete(request: Request) async throws -> Response {
        let (programme, activity) = try await editable(request)
        guard ActivityReview.mayDelete(activity) else { return back(request, programme, activity) }
        let page = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        return try await request.renderDeletePage(
            question: request.t("activity.delete_question", ["title": activity.title]),
            action: SiteURL.programmes(.deleteActivity(.value(programme.slug), .value(activity.slug))).path,
            cancelHref: page, section: .programmes)
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let (programme, activity) = try await editable(request)
        guard ActivityReview.mayDelete(activity) else { return back(request, programme, activity) }
        try await request.db.transaction { database in
            // Partners, the log and the sign-up settings go with it.
            try await activity.delete(on: database)
            try await ProgrammeQueries.activitiesChanged(activity.$programme.id, on: database)
        }
        request.flash(request.t("flash.deleted", ["title": activity.title]))
        return request.redirect(to: SiteURL.myActivities.path, redirectType: .normal)
    }

    private func editable(_ request: Request) async throws -> (Programme, Activity) {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        guard try await ActivityAccess.of(request.auth.get(Member.self), on: request.db).canEdit(activity) else {
            throw Abort(.forbidden)
        }
        return (programme, activity)
    }

    /// To the activity's page: a step that no longer fits its state (another tab, a reviewer
    /// was quicker) does nothing there.
    private func back(_ request: Request, _ programme: Programme, _ activity: Activity) -> Response {
        request.redirect(
            to: SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path, redirectType: .normal
        )
    }
}
