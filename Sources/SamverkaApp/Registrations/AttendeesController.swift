import Fluent
import Vapor

/// The organiser's side: registration settings, the attendee list with answers, CSV export,
/// approving and declining, check-in at the door, a message to everyone confirmed or waiting,
/// and cancelling the event. Only the event's organisers and admins get here.
struct AttendeesController: Sendable {
    // MARK: Settings

    @Sendable func settings(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        return try await renderSettings(
            request, subject: subject, input: RegistrationSettingsInput(setup, dates: request.dates),
            errors: FieldErrors(), status: .ok)
    }

    @Sendable func saveSettings(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        let input = RegistrationSettingsInput.read(request)
        var errors = input.apply(to: setup, request: request)
        if let refusal = subject.refusal(of: setup) {
            errors.add("mode", request.t(refusal))
        }
        guard errors.isEmpty else {
            return try await renderSettings(
                request, subject: subject, input: input, errors: errors, status: .unprocessableEntity)
        }
        try await request.db.transaction { database in
            try await setup.save(on: database)
            try await subject.settingsSaved(setup, on: database)
        }
        try await RegistrationLedger(app: request.application, now: request.now).settingsChanged(
            setup, subject: subject)
        request.flash(request.t("registration.flash_settings_saved"))
        return request.redirect(to: subject.path(.attendees), redirectType: .normal)
    }

    private func renderSettings(
        _ request: Request, subject: any RegistrationSubject, input: RegistrationSettingsInput, errors: FieldErrors,
        status: HTTPStatus
    ) async throws -> Response {
        try await request.renderFormPage(
            heading: request.t("registration.settings_for", ["title": subject.title]), section: subject.section,
            form: FormContext(
                action: subject.path(.settings), submitLabel: request.t("action.save"), csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors),
            status: status
        )
    }

    // MARK: The attendee list

    @Sendable func list(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        let rows = try await attendees(setup, on: request.db)
        let counts = Dictionary(grouping: rows, by: { $0.registration.status }).mapValues(\.count)
        let heading = request.t("registration.attendees_of", ["title": subject.title])
        let page = AttendeeListPage(
            layout: request.layout(title: heading, section: subject.section),
            heading: heading,
            pageHref: subject.pagePath,
            pageTitle: subject.title,
            settingsHref: subject.path(.settings),
            csvHref: subject.path(.attendeesCSV),
            messageAction: subject.path(.message),
            cancelAction: setup.cancelledAt == nil && setup.id != nil ? subject.path(.cancelEvent) : nil,
            summary: request.t(
                "registration.summary",
                [
                    "confirmed": "\(counts[.confirmed] ?? 0)", "capacity": setup.capacity.map(String.init) ?? "∞",
                    "waiting": "\(counts[.waiting] ?? 0)", "pending": "\(counts[.pending] ?? 0)",
                    "attended": "\(rows.filter { $0.registration.attendance == .attended }.count)",
                ]),
            hasQuestions: !setup.questions.isEmpty,
            rows: try rows.map { row in
                let registration = row.registration
                return AttendeeListPage.Row(
                    name: row.name, email: row.email,
                    status: request.t("registration_status.\(registration.status.rawValue)"),
                    statusKey: registration.status.rawValue,
                    attendance: registration.attendance.map { request.t("attendance.\($0.rawValue)") },
                    arrival: registration.arrival,
                    answers: setup.questions.map {
                        .init(question: $0.label, answer: Self.answerText(registration, $0, request: request))
                    },
                    action: subject.path(.attendee(.value(try registration.requireID().uuidString))),
                    canDecide: registration.status == .pending,
                    canCheckIn: registration.status == .confirmed
                )
            },
            cancelled: setup.cancelledAt != nil,
            csrf: request.csrfToken
        )
        return try await request.render("Registrations/attendees", page)
    }

    @Sendable func csv(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        let dates = request.dates
        var table = CSVTable(
            header: [
                request.t("field.name"), request.t("field.email"), request.t("registration.status"),
                request.t("csv.status_code"), request.t("registration.attendance"), request.t("registration.arrival"),
                request.t("registration.signed_up_at"),
            ]
                + setup.questions.map(\.label), language: request.language)
        for row in try await attendees(setup, on: request.db) {
            let registration = row.registration
            table.append(
                [
                    row.name, row.email, request.t("registration_status.\(registration.status.rawValue)"),
                    registration.status.rawValue,
                    registration.attendance.map { request.t("attendance.\($0.rawValue)") } ?? "",
                    "\(registration.arrival)", registration.createdAt.map(dates.spreadsheet) ?? "",
                ] + setup.questions.map { Self.answerText(registration, $0, request: request) })
        }
        return table.response(filename: Slug.make(from: subject.title).prefix(60) + "-attendees", cache: "no-store")
    }

    // MARK: Acting on one registration

    @Sendable func act(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        guard let idText = request.parameters.get("registration"), let id = UUID(uuidString: idText),
            let registration = try await Registration.find(id, on: request.db), registration.$setup.id == setup.id
        else { throw Abort(.notFound) }
        let action = (try? request.content.get(String.self, at: "action")) ?? ""
        let message = ((try? request.content.get(String.self, at: "message")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let ledger = RegistrationLedger(app: request.application, now: request.now)
        do {
            switch action {
            case "approve": try await ledger.approve(registration, message: message, setup: setup, subject: subject)
            case "decline": try await ledger.decline(registration, message: message, setup: setup, subject: subject)
            case "attended", "no_show":
                guard registration.status == .confirmed else { throw Abort(.badRequest) }
                registration.attendance = Registration.Attendance(rawValue: action)
                try await registration.save(on: request.db)
            case "undo_attendance":
                registration.attendance = nil
                try await registration.save(on: request.db)
            case "cancel": try await ledger.cancel(registration, setup: setup, subject: subject)
            default: throw Abort(.badRequest)
            }
            request.flash(request.t("registration.flash_action_\(action)"))
        } catch let refusal as RegistrationLedger.Refusal {
            request.flash(request.t("registration.refused_\(refusal)"))
        }
        // Back to the same row, so check-in on a phone keeps its place in the list.
        return request.redirect(to: subject.path(.attendees) + "#r\(registration.arrival)", redirectType: .normal)
    }

    // MARK: Everyone at once

    @Sendable func message(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        let audience = (try? request.content.get(String.self, at: "audience")).flatMap {
            $0 == "waiting" ? Registration.Status.waiting : $0 == "confirmed" ? .confirmed : nil
        }
        let heading = ((try? request.content.get(String.self, at: "subject")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let text = ((try? request.content.get(String.self, at: "text")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard let audience, !heading.isEmpty, !text.isEmpty, heading.count <= 200, text.count <= 10_000 else {
            request.flash(request.t("registration.message_incomplete"))
            return request.redirect(to: subject.path(.attendees), redirectType: .normal)
        }
        let recipients = try await Registration.query(on: request.db).filter(\.$setup.$id == setup.requireID()).filter(
            \.$status == audience
        ).all()
        let mailer = RegistrationMailer(app: request.application, now: request.now)
        try await request.db.transaction { database in
            for registration in recipients {
                try await mailer.send(
                    .organiserMessage, registration, subject: subject, setup: setup, message: text, heading: heading,
                    on: database)
            }
        }
        request.flash(request.t("registration.flash_message_sent", count: recipients.count))
        return request.redirect(to: subject.path(.attendees), redirectType: .normal)
    }

    @Sendable func cancelEvent(request: Request) async throws -> Response {
        let (subject, setup) = try await managed(request)
        let message = ((try? request.content.get(String.self, at: "message")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        guard setup.id != nil, setup.cancelledAt == nil, !message.isEmpty, message.count <= 5_000 else {
            request.flash(request.t("registration.cancel_needs_message"))
            return request.redirect(to: subject.path(.attendees), redirectType: .normal)
        }
        try await RegistrationLedger(app: request.application, now: request.now).cancelEvent(
            setup, subject: subject, message: message)
        request.flash(request.t("registration.flash_event_cancelled"))
        return request.redirect(to: subject.path(.attendees), redirectType: .normal)
    }

    // MARK: Helpers

    struct Attendee {
        let registration: Registration
        let name: String
        let email: String
    }

    private func attendees(_ setup: RegistrationSetup, on database: any Database) async throws -> [Attendee] {
        guard let setupID = setup.id else { return [] }
        let registrations = try await Registration.query(on: database).filter(\.$setup.$id == setupID).with(\.$member)
            .sort(\.$arrival).all()
        return registrations.map { registration in
            Attendee(
                registration: registration, name: registration.member?.name ?? registration.guestName,
                email: registration.member?.email ?? registration.guestEmail)
        }
    }

    static func answerText(_ registration: Registration, _ question: RegistrationQuestion, request: Request) -> String {
        guard let answer = registration.answers.first(where: { $0.key == question.key }) else { return "" }
        return question.kind == .yesNo
            ? answer.values.map { request.t("answer.\($0)") }.joined() : answer.values.joined(separator: "; ")
    }

    /// The subject and its settings, for its organisers and admins only (403 for anyone else).
    private func managed(_ request: Request) async throws -> (any RegistrationSubject, RegistrationSetup) {
        let subject = try await RegistrationSubjects.find(request)
        guard try await subject.canManage(request.auth.get(Member.self), on: request.db) else {
            throw Abort(.forbidden)
        }
        return (subject, try await subject.setup(on: request.db))
    }
}
