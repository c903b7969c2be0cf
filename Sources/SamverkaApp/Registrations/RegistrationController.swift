import Fluent
import Vapor

/// The person's side of registration: the sign-up form, their own registration through the
/// personal link (view, confirm a guest's address, cancel), and "My registrations".
struct RegistrationController: Sendable {
    @Sendable func form(request: Request) async throws -> Response {
        let subject = try await RegistrationSubjects.find(request)
        let setup = try await visibleSetup(subject, request)
        return try await render(request, subject: subject, setup: setup, answers: RegistrationAnswers(), status: .ok)
    }

    @Sendable func register(request: Request) async throws -> Response {
        let subject = try await RegistrationSubjects.find(request)
        let setup = try await visibleSetup(subject, request)
        let member = request.auth.get(Member.self)
        let answers = RegistrationAnswers.read(request, questions: setup.questions, asGuest: member == nil)
        guard answers.errors.isEmpty else {
            return try await render(
                request, subject: subject, setup: setup, answers: answers, status: .unprocessableEntity)
        }
        do {
            let registration = try await RegistrationLedger(app: request.application, now: request.now).signUp(
                setup, subject: subject, member: member, guestName: answers.guestName, guestEmail: answers.guestEmail,
                language: request.language, answers: answers.answers
            )
            // The personal link is the proof of the address: a guest gets it by mail only, never
            // here, or anyone could take seats in someone else's name.
            guard member != nil else { return request.redirect(to: subject.path(.sent), redirectType: .normal) }
            request.flash(request.t("registration.flash_\(registration.status.rawValue)", ["title": subject.title]))
            return request.redirect(
                to: SiteURL.personalRegistration(.value(registration.token)).path, redirectType: .normal)
        } catch let refusal as RegistrationLedger.Refusal {
            var answers = answers
            answers.errors.add(member == nil ? "email" : "registration", request.t("registration.refused_\(refusal)"))
            return try await render(request, subject: subject, setup: setup, answers: answers, status: .conflict)
        }
    }

    /// "Check your inbox": all a guest is shown until they follow the emailed link.
    @Sendable func sent(request: Request) async throws -> Response {
        let subject = try await RegistrationSubjects.find(request)
        _ = try await visibleSetup(subject, request)
        let heading = request.t("registration.sent_heading")
        let page = SignUpSentPage(
            layout: request.layout(title: heading, section: subject.section),
            heading: heading,
            lead: request.t("registration.sent_lead", ["title": subject.title]),
            hints: [request.t("registration.sent_hint_spam"), request.t("registration.sent_hint_again")],
            pageHref: subject.pagePath,
            pageTitle: subject.title
        )
        return try await request.render("Registrations/sent", page)
    }

    // MARK: The personal link

    @Sendable func personal(request: Request) async throws -> Response {
        let (registration, setup, subject) = try await Self.byToken(request)
        let dates = request.dates
        var position: String?
        if registration.status == .waiting {
            position = request.t(
                "registration.position", ["position": "\(try await registration.waitingPosition(on: request.db))"])
        }
        let token = registration.token
        let page = PersonalRegistrationPage(
            layout: request.layout(title: subject.title, section: .account),
            heading: request.t("registration.yours", ["title": subject.title]),
            pageHref: subject.pagePath,
            when: subject.startsAt.map { dates.dateAndTime($0) } ?? "",
            place: subject.placeAndLink(request.application.municipalities),
            status: request.t("registration_status.\(registration.status.rawValue)"),
            position: position,
            message: registration.decisionMessage.isEmpty
                ? (setup.cancelledAt != nil ? setup.cancellationMessage : nil) : registration.decisionMessage,
            answers: setup.questions.compactMap { question in
                registration.answers.first { $0.key == question.key }.map {
                    PersonalRegistrationPage.Answer(
                        question: question.label,
                        answer: question.kind == .yesNo
                            ? $0.values.map { request.t("answer.\($0)") }.joined() : $0.values.joined(separator: ", "))
                }
            },
            confirmAction: registration.status == .unconfirmed ? SiteURL.confirmRegistration(.value(token)).path : nil,
            cancelAction: registration.status.isActive ? SiteURL.cancelRegistration(.value(token)).path : nil,
            calendarHref: registration.status == .confirmed ? subject.calendarPath : nil,
            csrf: request.csrfToken
        )
        let response = try await request.render("Registrations/personal", page)
        // The address holds a secret: keep it out of caches and other sites' logs.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        let (registration, setup, subject) = try await Self.byToken(request)
        do {
            try await RegistrationLedger(app: request.application, now: request.now).confirmGuest(
                registration, setup: setup, subject: subject)
            request.flash(request.t("registration.flash_\(registration.status.rawValue)", ["title": subject.title]))
        } catch let refusal as RegistrationLedger.Refusal {
            request.flash(request.t("registration.refused_\(refusal)"))
        }
        return request.redirect(
            to: SiteURL.personalRegistration(.value(registration.token)).path, redirectType: .normal)
    }

    /// "Do you want to cancel?" first: one press on the personal page must not give away a seat.
    @Sendable func confirmCancel(request: Request) async throws -> Response {
        let (registration, _, subject) = try await Self.byToken(request)
        let personal = SiteURL.personalRegistration(.value(registration.token)).path
        guard Registration.Status.active.contains(registration.status) || registration.status == .unconfirmed else {
            return request.redirect(to: personal, redirectType: .normal)
        }
        let question = request.t(
            registration.status == .confirmed ? "registration.cancel_question_seat" : "registration.cancel_question",
            ["title": subject.title])
        let response = try await request.renderConfirmPage(
            heading: request.t("registration.cancel_heading"), question: question,
            action: SiteURL.cancelRegistration(.value(registration.token)).path,
            confirmLabel: request.t("registration.cancel"), cancelHref: personal,
            cancelLabel: request.t("registration.keep"), section: subject.section)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    @Sendable func cancel(request: Request) async throws -> Response {
        let (registration, setup, subject) = try await Self.byToken(request)
        try await RegistrationLedger(app: request.application, now: request.now).cancel(
            registration, setup: setup, subject: subject)
        request.flash(request.t("registration.flash_cancelled", ["title": subject.title]))
        return request.redirect(
            to: SiteURL.personalRegistration(.value(registration.token)).path, redirectType: .normal)
    }

    // MARK: My registrations

    @Sendable func mine(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let registrations = try await Registration.query(on: request.db).filter(\.$member.$id == member.requireID())
            .with(\.$setup).sort(\.$createdAt, .descending).all()
        let dates = request.dates
        var upcoming: [(Date, MyRegistrationsPage.Row)] = [], past: [(Date, MyRegistrationsPage.Row)] = []
        for registration in registrations {
            guard
                let subject = try await RegistrationSubjects.of(
                    registration.setup, in: request.language, on: request.db)
            else { continue }
            let start = subject.startsAt ?? .distantPast
            let row = MyRegistrationsPage.Row(
                title: subject.title, href: SiteURL.personalRegistration(.value(registration.token)).path,
                when: subject.startsAt.map { dates.dateAndTime($0) } ?? "",
                status: request.t("registration_status.\(registration.status.rawValue)")
            )
            if start >= request.now { upcoming.append((start, row)) } else { past.append((start, row)) }
        }
        let heading = request.t("registration.mine")
        return try await request.render(
            "Registrations/mine",
            MyRegistrationsPage(
                layout: request.layout(title: heading, section: .account), heading: heading,
                upcoming: upcoming.sorted { $0.0 < $1.0 }.map(\.1), past: past.sorted { $0.0 > $1.0 }.map(\.1)
            ))
    }

    // MARK: Helpers

    static func byToken(_ request: Request) async throws -> (Registration, RegistrationSetup, any RegistrationSubject) {
        guard let token = request.parameters.get("token"), token.count >= 16,
            let registration = try await Registration.query(on: request.db).filter(\.$token == token).with(\.$setup)
                .first(),
            let subject = try await RegistrationSubjects.of(
                registration.setup, in: registration.language, on: request.db)
        else { throw Abort(.notFound) }
        return (registration, registration.setup, subject)
    }

    /// Sign-up pages exist for what the public can see and whose organiser uses Samverka's.
    private func visibleSetup(_ subject: any RegistrationSubject, _ request: Request) async throws -> RegistrationSetup
    {
        let setup = try await subject.setup(on: request.db)
        guard setup.mode == .samverka, setup.id != nil,
            subject.isOpenToPublic(now: request.now) || setup.cancelledAt != nil
        else { throw Abort(.notFound) }
        return setup
    }

    private func render(
        _ request: Request, subject: any RegistrationSubject, setup: RegistrationSetup, answers: RegistrationAnswers,
        status: HTTPStatus
    ) async throws -> Response {
        let member = request.auth.get(Member.self)
        let dates = request.dates
        var existing: Registration?
        if let member {
            existing = try await Registration.query(on: request.db).filter(\.$setup.$id == setup.requireID()).filter(
                \.$member.$id == member.id
            )
            .filter(\.$status ~~ Registration.Status.active).first()
        }
        let availability = try await setup.availability(request: request)
        let closedMessage = setup.closedMessage(for: subject, full: availability.full, request: request)
        var summaryErrors = answers.errors
        if let message = answers.errors["registration"] {
            summaryErrors = FieldErrors()
            summaryErrors.add("registration", message)
        }
        let heading = request.t("registration.sign_up_to", ["title": subject.title])
        let page = SignUpPage(
            layout: request.layout(title: heading, section: subject.section),
            heading: heading,
            pageHref: subject.pagePath,
            pageTitle: subject.title,
            when: subject.startsAt.map { dates.dateAndTime($0) } ?? "",
            place: subject.place(request.application.municipalities),
            availability: availability.text,
            consent: request.t("registration.consent", ["days": "\(request.application.settings.purgeAfterDays)"]),
            form: closedMessage == nil && existing == nil
                ? FormContext(
                    action: subject.path(.register),
                    submitLabel: request.t(
                        availability.full ? "registration.join_waiting_list" : "registration.sign_up"),
                    csrf: request.csrfToken,
                    fields: answers.fields(request, questions: setup.questions, asGuest: member == nil),
                    errors: summaryErrors
                ) : nil,
            closedMessage: closedMessage,
            existingHref: existing.map { SiteURL.personalRegistration(.value($0.token)).path },
            signInHref: member == nil
                ? SiteURL.signIn.path + "?next="
                    + (subject.path(.register).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                : nil,
            resendHref: member == nil ? subject.path(.resendLink) : nil
        )
        return try await request.render("Registrations/register", page, status: status)
    }
}
