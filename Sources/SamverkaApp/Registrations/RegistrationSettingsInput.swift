import Vapor

/// The organiser's registration settings as a form: the mode, seats, waiting list, approval,
/// when sign-up opens and closes, and the questions — existing ones plus two empty slots, so
/// that questions can be added, changed and removed (an emptied label) without JavaScript.
struct RegistrationSettingsInput {
    static let emptySlots = 2
    static let maximumQuestions = 20

    var mode = RegistrationSetup.Mode.off.rawValue
    var externalURL = ""
    var capacity = ""
    var waitingList = true
    var requiresApproval = false
    var opensAt = ""
    var closesAt = ""
    var questions: [QuestionInput] = []

    struct QuestionInput {
        var key = ""
        var label = ""
        var kind = RegistrationQuestion.Kind.shortText.rawValue
        var required = false
        var choices = ""
    }

    init() {}

    init(_ setup: RegistrationSetup, dates: DateText) {
        mode = setup.mode.rawValue
        externalURL = setup.externalURL ?? ""
        capacity = setup.capacity.map(String.init) ?? ""
        waitingList = setup.waitingList
        requiresApproval = setup.requiresApproval
        opensAt = setup.opensAt.map(dates.inputValue) ?? ""
        closesAt = setup.closesAt.map(dates.inputValue) ?? ""
        questions = setup.questions.map {
            QuestionInput(
                key: $0.key, label: $0.label, kind: $0.kind.rawValue, required: $0.required,
                choices: $0.choices.joined(separator: "\n"))
        }
    }

    static func read(_ request: Request) -> RegistrationSettingsInput {
        func text(_ name: String) -> String {
            ((try? request.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var input = RegistrationSettingsInput()
        input.mode = text("mode")
        input.externalURL = text("externalURL")
        input.capacity = text("capacity")
        input.waitingList = text("waitingList") == "true"
        input.requiresApproval = text("requiresApproval") == "true"
        input.opensAt = text("opensAt")
        input.closesAt = text("closesAt")
        let slots = min(Int(text("questionSlots")) ?? 0, maximumQuestions + emptySlots)
        for index in 0..<max(slots, 0) {
            let prefix = "question\(index)_"
            input.questions.append(
                QuestionInput(
                    key: text(prefix + "key"), label: text(prefix + "label"), kind: text(prefix + "kind"),
                    required: text(prefix + "required") == "true", choices: text(prefix + "choices")
                ))
        }
        return input
    }

    /// Checks everything and writes it into `setup`; returns the errors, each beside its field.
    func apply(to setup: RegistrationSetup, request: Request) -> FieldErrors {
        var errors = FieldErrors()
        let dates = request.dates
        setup.mode = RegistrationSetup.Mode(rawValue: mode) ?? .off
        if RegistrationSetup.Mode(rawValue: mode) == nil { errors.add("mode", request.t("error.choose_one")) }
        setup.externalURL = externalURL.isEmpty ? nil : externalURL
        if setup.mode == .external {
            if externalURL.isEmpty {
                errors.add("externalURL", request.t("error.sign_up_url_needed"))
            } else if !SafeURL.isWebAddress(externalURL) {
                errors.add("externalURL", request.t("error.url"))
            }
        }
        if capacity.isEmpty {
            setup.capacity = nil
        } else if let seats = Int(capacity), seats >= 1, seats <= 1_000_000 {
            setup.capacity = seats
        } else {
            errors.add("capacity", request.t("error.capacity"))
        }
        setup.waitingList = waitingList
        setup.requiresApproval = requiresApproval
        setup.opensAt = opensAt.isEmpty ? nil : dates.parseInput(opensAt)
        if !opensAt.isEmpty && setup.opensAt == nil { errors.add("opensAt", request.t("error.datetime")) }
        setup.closesAt = closesAt.isEmpty ? nil : dates.parseInput(closesAt)
        if !closesAt.isEmpty && setup.closesAt == nil { errors.add("closesAt", request.t("error.datetime")) }
        if let opens = setup.opensAt, let closes = setup.closesAt, closes <= opens {
            errors.add("closesAt", request.t("error.sign_up_closes_before_opens"))
        }

        var kept: [RegistrationQuestion] = []
        for (index, question) in questions.enumerated() where !question.label.isEmpty {
            let prefix = "question\(index)_"
            guard let kind = RegistrationQuestion.Kind(rawValue: question.kind) else {
                errors.add(prefix + "kind", request.t("error.choose_one"))
                continue
            }
            if question.label.count > 300 { errors.add(prefix + "label", request.t("error.too_long", ["max": "300"])) }
            let choices = question.choices.split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            if (kind == .singleChoice || kind == .multipleChoice) && choices.count < 2 {
                errors.add(prefix + "choices", request.t("error.two_choices"))
            }
            if choices.count > 50 || choices.contains(where: { $0.count > 200 }) {
                errors.add(prefix + "choices", request.t("error.too_long", ["max": "200"]))
            }
            kept.append(
                RegistrationQuestion(
                    key: question.key.isEmpty || question.key.count > 40
                        ? String(Registration.newToken().prefix(10)) : question.key,
                    kind: kind, label: question.label, required: question.required,
                    choices: kind == .singleChoice || kind == .multipleChoice ? choices : []
                ))
        }
        if kept.count > Self.maximumQuestions {
            errors.add("question0_label", request.t("error.too_many_questions", ["max": "\(Self.maximumQuestions)"]))
        }
        setup.questions = kept
        return errors
    }

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        var fields = [
            FormField(
                "mode", label: request.t("registration.mode"), kind: .select, error: errors["mode"], required: true,
                options: RegistrationSetup.Mode.allCases.map {
                    .init(
                        value: $0.rawValue, label: request.t("registration_mode.\($0.rawValue)"),
                        selected: $0.rawValue == mode)
                }),
            FormField(
                "externalURL", label: request.t("field.sign_up_url"), kind: .url, value: externalURL,
                error: errors["externalURL"], hint: request.t("registration.external_hint")),
            FormField(
                "capacity", label: request.t("registration.capacity"), kind: .number, value: capacity,
                error: errors["capacity"], hint: request.t("registration.capacity_hint")),
            FormField(
                "waitingList", label: request.t("registration.waiting_list"), kind: .checkbox,
                value: waitingList ? "true" : "", hint: request.t("registration.waiting_list_hint")),
            FormField(
                "requiresApproval", label: request.t("registration.requires_approval"), kind: .checkbox,
                value: requiresApproval ? "true" : "", hint: request.t("registration.requires_approval_hint")),
            FormField(
                "opensAt", label: request.t("registration.opens_at"), kind: .datetime, value: opensAt,
                error: errors["opensAt"], hint: request.t("registration.opens_at_hint")),
            FormField(
                "closesAt", label: request.t("registration.closes_at"), kind: .datetime, value: closesAt,
                error: errors["closesAt"], hint: request.t("registration.closes_at_hint")),
        ]
        let slots = questions.filter { !$0.label.isEmpty } + Array(repeating: QuestionInput(), count: Self.emptySlots)
        fields.append(FormField("questionSlots", label: "", kind: .hidden, value: "\(slots.count)"))
        for (index, question) in slots.enumerated() {
            let prefix = "question\(index)_"
            let number = "\(index + 1)"
            fields += [
                FormField(prefix + "key", label: "", kind: .hidden, value: question.key),
                FormField(
                    prefix + "label", label: request.t("registration.question_label", ["number": number]),
                    value: question.label, error: errors[prefix + "label"],
                    hint: index == 0 ? request.t("registration.question_hint") : nil),
                FormField(
                    prefix + "kind", label: request.t("registration.question_kind", ["number": number]), kind: .select,
                    error: errors[prefix + "kind"],
                    options: RegistrationQuestion.Kind.allCases.map {
                        .init(
                            value: $0.rawValue, label: request.t("question_kind.\($0.rawValue)"),
                            selected: $0.rawValue == question.kind)
                    }),
                FormField(
                    prefix + "choices", label: request.t("registration.question_choices", ["number": number]),
                    kind: .textarea, value: question.choices,
                    error: errors[prefix + "choices"], hint: request.t("registration.question_choices_hint"), rows: 3),
                FormField(
                    prefix + "required", label: request.t("registration.question_required", ["number": number]),
                    kind: .checkbox, value: question.required ? "true" : ""),
            ]
        }
        return fields
    }
}
