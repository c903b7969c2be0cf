import Fluent
import Vapor

/// Organisers' side of a programme: submitting, editing, saving drafts, and partners confirming.
struct ActivityController: Sendable {
    @Sendable func new(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        let organisations = try await Self.organisations(of: request)
        var input = ActivityInput()
        input.organisation = organisations.first?.slug
        input.signUp = Activity.SignUp.none.rawValue
        return try await renderForm(
            request, programme: programme, activity: nil, organisations: organisations, input: input,
            errors: FieldErrors())
    }

    @Sendable func create(request: Request) async throws -> Response {
        let programme = try await ProgrammeLookup.edition(request)
        let activity = Activity()
        activity.$programme.id = try programme.requireID()
        activity.status = .draft
        activity.reviewMessage = ""
        return try await save(request, programme: programme, activity: activity, isNew: true)
    }

    @Sendable func edit(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        let partners = try await activity.$partners.query(on: request.db).with(\.$organisation).all()
        let organisation = try await activity.$organisation.get(on: request.db)
        var input = ActivityInput(
            activity, partners: partners.map { ($0.organisation.name, $0.role) }, organisationSlug: organisation.slug,
            dates: request.dates)
        // While changes wait for review, the organiser goes on from what they sent.
        if let pending = activity.pendingChanges {
            let shown = Activity()
            pending.apply(to: shown)
            input.title = shown.title
            input.format = shown.format.rawValue
            input.startsAt = shown.startsAt.map(request.dates.inputValue)
            input.endsAt = shown.endsAt.map(request.dates.inputValue)
            input.municipalityCode = shown.municipalityCode
            input.allSweden = shown.allSweden ? "true" : nil
            input.venue = shown.venue
            input.address = shown.address
            input.onlineURL = shown.onlineURL
            input.description = pending.description ?? input.description
            input.image = pending.image ?? input.image
            input.signUp = pending.signUp?.rawValue ?? input.signUp
            input.signUpURL = pending.signUpURL ?? input.signUpURL
        }
        let organisations = try await Self.organisations(of: request, including: organisation)
        return try await renderForm(
            request, programme: programme, activity: activity, organisations: organisations, input: input,
            errors: FieldErrors())
    }

    @Sendable func update(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        guard access.canEdit(activity) else { throw Abort(.forbidden) }
        return try await save(request, programme: programme, activity: activity, isNew: false)
    }

    /// A member of a partner organisation confirms its part.
    @Sendable func confirm(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        let partners = try await activity.$partners.query(on: request.db).all()
        let mine = try await PartnerConfirmation.confirmable(partners, access: access, on: request.db)
        guard !mine.isEmpty else { throw Abort(.forbidden) }
        let page = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        let names = try await Organisation.query(on: request.db).filter(\.$id ~~ mine.map(\.$organisation.id)).all()
            .map(\.name)
        try await request.db.transaction { database in
            for partner in mine {
                partner.confirmedAt = request.now
                try await partner.save(on: database)
                try await ActivityLogEntry(
                    activityID: try activity.requireID(), memberID: access.member?.id, kind: .partnerConfirmed
                ).save(on: database)
            }
            try await ProgrammeQueries.activitiesChanged(activity.$programme.id, on: database)
            try await Notifier(request).tell(
                try await OrganisationMembership.people(of: activity.$organisation.id, on: database), .partnerConfirmed,
                values: [
                    "partner": names.joined(separator: ", "), "title": activity.title, "programme": programme.name,
                ],
                link: page, except: access.member, on: database)
        }
        request.flash(request.t("flash.partner_confirmed"))
        return request.redirect(to: page, redirectType: .normal)
    }

    // MARK: Saving

    /// Saves what the form sent, or `given` (the activity as it is, to submit from its page).
    func save(
        _ request: Request, programme: Programme, activity: Activity, isNew: Bool, given: ActivityInput? = nil
    ) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let access = try await ActivityAccess.of(member, on: request.db)
        let input = given ?? (try? request.content.decode(ActivityInput.self)) ?? ActivityInput()
        var errors = FieldErrors()

        let previous = isNew ? nil : ActivityKeyFacts(activity)
        let wasApproved = activity.status == .approved
        let organisations = try await Self.organisations(
            of: request, including: isNew ? nil : try await activity.$organisation.get(on: request.db))
        // "Add rows" without a script: the same form with more empty rows, nothing saved.
        if request.wantsMoreRows {
            return try await renderForm(
                request, programme: programme, activity: isNew ? nil : activity, organisations: organisations,
                input: input, errors: errors)
        }
        guard let organisation = organisations.first(where: { $0.slug == input.organisation }),
            access.organisationIDs.contains(try organisation.requireID()) || member.role == .admin
        else {
            errors.add("organisation", request.t("error.choose_one"))
            return try await renderForm(
                request, programme: programme, activity: isNew ? nil : activity, organisations: organisations,
                input: input, errors: errors, status: .unprocessableEntity)
        }
        activity.$organisation.id = try organisation.requireID()
        input.apply(to: activity, programme: programme, request: request, errors: &errors)

        var partnerStates: [ActivityRules.PartnerState] = []
        var wantedPartners: [(Organisation, ActivityPartner.Role)] = []
        switch try await input.partnerRows(on: request.db) {
        case .failure(let unknown):
            errors.add("partners", OrganisationNames.message(unknown, request))
        case .success(let lines):
            wantedPartners = lines.filter { $0.0.id != organisation.id }
            let existing = isNew ? [] : try await activity.$partners.query(on: request.db).all()
            partnerStates = wantedPartners.map { partner in
                let confirmed = existing.first { $0.$organisation.id == partner.0.id }?.confirmedAt != nil
                return ActivityRules.PartnerState(organisation: partner.0, role: partner.1, confirmed: confirmed)
            }
        }
        // An approved activity's changes are always sent for review; others only when asked.
        var submitting = input.isSubmission || wasApproved
        if submitting {
            try await ActivityRules(
                programme: programme, organisation: organisation, partners: partnerStates, request: request
            ).check(activity, errors: &errors)
        }
        // All in order but partners who have not said yes yet: keep it as a draft and ask them,
        // rather than refusing a form whose page the partners would need to confirm on.
        let waitingForPartners =
            submitting && !wasApproved && errors.order == ["partners"] && partnerStates.contains { !$0.confirmed }
        if waitingForPartners {
            errors = FieldErrors()
            submitting = false
        }
        ImageUpload.settle(request, errors: &errors)
        guard errors.isEmpty else {
            return try await renderForm(
                request, programme: programme, activity: isNew ? nil : activity, organisations: organisations,
                input: input, errors: errors, status: .unprocessableEntity)
        }

        let now = request.now
        var logKind: ActivityLogEntry.Kind = isNew ? .created : .changed
        var logMessage = ""
        if wasApproved, let previous {
            let proposed = ActivityKeyFacts(activity)
            if proposed != previous {
                // The approved version stays public until a reviewer accepts the change.
                previous.apply(to: activity)
                activity.pendingChanges = proposed
                activity.submittedAt = now
                logMessage = request.t("log.key_facts_changed")
            }
        } else if submitting {
            activity.status = .submitted
            activity.submittedAt = now
            logKind = .submitted
        }
        activity.refreshSearchText(
            organisations: [organisation] + wantedPartners.map(\.0), municipalities: request.application.municipalities)
        let (partnersToSave, kind, message, submitted) = (wantedPartners, logKind, logMessage, submitting)
        try await request.db.transaction { database in
            try await ActivitySlugs.assign(activity, programmeID: programme.requireID(), on: database)
            try await activity.save(on: database)
            let activityID = try activity.requireID()
            let existing = try await activity.$partners.query(on: database).all()
            let newlyAsked = partnersToSave.map(\.0).filter { partner in
                !existing.contains { $0.$organisation.id == partner.id }
            }
            for old in existing where !partnersToSave.contains(where: { $0.0.id == old.$organisation.id }) {
                try await old.delete(on: database)
            }
            for (partner, role) in partnersToSave {
                if let old = existing.first(where: { $0.$organisation.id == partner.id }) {
                    old.role = role
                    try await old.save(on: database)
                } else {
                    try await ActivityPartner(
                        activityID: activityID, organisationID: try partner.requireID(), role: role
                    ).save(on: database)
                }
            }
            try await ActivityLogEntry(activityID: activityID, memberID: member.id, kind: kind, message: message).save(
                on: database)
            try await request.application.saved(
                ProgrammeActivity(activity: activity, programme: programme), on: database)
            try await PartnerConfirmation.ask(
                newlyAsked, for: activity, programme: programme, by: organisation,
                actor: member, app: request.application, now: now, on: database)
            if submitted {
                try await Notifier(request).tell(
                    try await OrganisationMembership.people(of: organisation.requireID(), on: database),
                    .activitySubmitted,
                    values: ["title": activity.title, "programme": programme.name, "actor": member.name],
                    link: SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path,
                    except: member, on: database)
            }
            try await ProgrammeQueries.activitiesChanged(activity.$programme.id, on: database)
        }
        if waitingForPartners {
            let waiting = partnerStates.filter { !$0.confirmed }.map(\.organisation.name).joined(separator: ", ")
            request.flash(
                request.t("flash.activity_waiting_for_partners", ["title": activity.title, "names": waiting]))
        } else {
            request.flash(
                request.t(submitting ? "flash.activity_submitted" : "flash.activity_saved", ["title": activity.title]))
        }
        return request.redirect(
            to: SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path, redirectType: .normal
        )
    }

    private func renderForm(
        _ request: Request, programme: Programme, activity: Activity?, organisations: [Organisation],
        input: ActivityInput, errors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading =
            activity.map { request.t("activity.edit", ["title": $0.title]) }
            ?? request.t("activity.new", ["name": programme.name])
        let action: String
        if let activity, activity.id != nil {
            action = SiteURL.programmes(.editActivity(.value(programme.slug), .value(activity.slug))).path
        } else {
            action = SiteURL.programmes(.activities(.value(programme.slug))).path
        }
        let actions: [FormAction]
        if activity?.status == .approved {
            actions = [
                FormAction(label: request.t("activity.save_for_review"), name: "intent", value: "submit", primary: true)
            ]
        } else {
            actions = [
                FormAction(label: request.t("activity.submit"), name: "intent", value: "submit", primary: true),
                FormAction(label: request.t("activity.save_draft"), name: "intent", value: "draft", primary: false),
            ]
        }
        let page = ActivityFormPage(
            layout: request.layout(title: heading, section: .programmes),
            heading: heading,
            intro: ProgrammeFacts(programme, request: request).submission,
            form: organisations.isEmpty
                ? nil
                : FormContext(
                    action: action, submitLabel: request.t("activity.submit"), csrf: request.csrfToken,
                    fields: input.fields(
                        request, programme: programme, organisations: organisations,
                        suggestions: try await OrganisationNames.suggestions(request), errors: errors),
                    errors: errors, actions: actions
                ),
            noOrganisation: organisations.isEmpty ? request.t("activity.no_organisation") : nil,
            registerHref: SiteURL.organisations(.new).path,
            registerLabel: request.t("organisation.new")
        )
        return try await request.render("Programmes/activity-form", page, status: status)
    }

    // MARK: Lookups

    /// The organisations the signed-in member acts for, plus the activity's own for an admin.
    static func organisations(of request: Request, including extra: Organisation? = nil) async throws -> [Organisation]
    {
        let access = try await ActivityAccess.of(request.auth.get(Member.self), on: request.db)
        var organisations = try await Organisation.query(on: request.db).filter(\.$id ~~ Array(access.organisationIDs))
            .sort(\.$name).all()
        if let extra, !organisations.contains(where: { $0.id == extra.id }) { organisations.append(extra) }
        return organisations
    }

    /// An address from before activities had slugs, `/programmes/{edition}/activities/{id}…`,
    /// leads to the same page at its readable address.
    @Sendable func oldAddress(request: Request) async throws -> Response {
        let (programme, activity) = try await ProgrammeLookup.activity(request)
        let rest = request.parameters.getCatchall().joined(separator: "/")
        let page = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        return request.redirect(to: page + (rest.isEmpty ? "" : "/" + rest), redirectType: .permanent)
    }
}
