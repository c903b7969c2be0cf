import Vapor

/// Reads the sign-up form: a guest's name and email, and the answers to the organiser's
/// questions, each checked against its question with the message beside the field.
struct RegistrationAnswers {
    static let maximumLength = 2_000

    var guestName = ""
    var guestEmail = ""
    /// What was sent for each question, kept so the form comes back filled in.
    var values: [String: [String]] = [:]
    var errors = FieldErrors()

    static func fieldName(_ question: RegistrationQuestion) -> String { "q_" + question.key }

    static func read(_ request: Request, questions: [RegistrationQuestion], asGuest: Bool) -> RegistrationAnswers {
        var form = RegistrationAnswers()
        if asGuest {
            form.guestName = ((try? request.content.get(String.self, at: "name")) ?? "").trimmingCharacters(
                in: .whitespacesAndNewlines)
            form.guestEmail = ((try? request.content.get(String.self, at: "email")) ?? "").trimmingCharacters(
                in: .whitespaces
            ).lowercased()
            if form.guestName.isEmpty {
                form.errors.add("name", request.t("error.required"))
            } else if form.guestName.count > 200 {
                form.errors.add("name", request.t("error.too_long", ["max": "200"]))
            }
            form.errors.checkEmail("email", form.guestEmail, request)
        }
        for question in questions {
            let name = fieldName(question)
            let sent: [String] =
                question.kind == .multipleChoice
                ? ((try? request.content.get([String].self, at: name)) ?? [])
                : [(try? request.content.get(String.self, at: name)) ?? ""]
            var given = sent.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            // Choices travel as their position ("c2"): choice texts may hold anything.
            if question.kind == .singleChoice || question.kind == .multipleChoice {
                let picked = given.map { value in
                    Int(value.dropFirst()).flatMap {
                        question.choices.indices.contains($0) ? question.choices[$0] : nil
                    }
                }
                if picked.contains(where: { $0 == nil }) { form.errors.add(name, request.t("error.choose_one")) }
                given = picked.compactMap { $0 }
            }
            form.values[question.key] = given
            if given.isEmpty {
                if question.required { form.errors.add(name, request.t("error.required")) }
                continue
            }
            switch question.kind {
            case .shortText where given[0].count > 200:
                form.errors.add(name, request.t("error.too_long", ["max": "200"]))
            case .longText where given[0].count > maximumLength:
                form.errors.add(name, request.t("error.too_long", ["max": "\(maximumLength)"]))
            case .singleChoice where given.count > 1:
                form.errors.add(name, request.t("error.choose_one"))
            case .yesNo:
                if !["yes", "no"].contains(given[0]) { form.errors.add(name, request.t("error.choose_one")) }
            default:
                break
            }
        }
        return form
    }

    var answers: [RegistrationAnswer] {
        values.filter { !$0.value.isEmpty }.map { RegistrationAnswer(key: $0.key, values: $0.value) }.sorted {
            $0.key < $1.key
        }
    }

    /// The form's fields: name and email for guests, then one per question.
    func fields(_ request: Request, questions: [RegistrationQuestion], asGuest: Bool) -> [FormField] {
        var fields: [FormField] = []
        if asGuest {
            fields.append(
                FormField(
                    "name", label: request.t("field.name"), value: guestName, error: errors["name"], required: true,
                    autocomplete: "name"))
            fields.append(
                FormField(
                    "email", label: request.t("field.email"), kind: .email, value: guestEmail, error: errors["email"],
                    hint: request.t("registration.guest_email_hint"), required: true, autocomplete: "email"))
        }
        for question in questions {
            let name = Self.fieldName(question)
            let chosen = values[question.key] ?? []
            let field: FormField =
                switch question.kind {
                case .shortText:
                    FormField(
                        name, label: question.label, value: chosen.first ?? "", error: errors[name],
                        required: question.required)
                case .longText:
                    FormField(
                        name, label: question.label, kind: .textarea, value: chosen.first ?? "", error: errors[name],
                        required: question.required)
                case .singleChoice:
                    FormField(
                        name, label: question.label, kind: .select, error: errors[name], required: question.required,
                        options: [.init(value: "", label: request.t("filter.choose"), selected: chosen.isEmpty)]
                            + Self.choiceOptions(question, chosen: chosen))
                case .multipleChoice:
                    FormField(
                        name, label: question.label, kind: .checkboxes, error: errors[name],
                        required: question.required,
                        options: Self.choiceOptions(question, chosen: chosen))
                case .yesNo:
                    FormField(
                        name, label: question.label, kind: .select, error: errors[name], required: question.required,
                        options: [.init(value: "", label: request.t("filter.choose"), selected: chosen.isEmpty)]
                            + ["yes", "no"].map {
                                .init(value: $0, label: request.t("answer.\($0)"), selected: chosen.contains($0))
                            })
                }
            fields.append(field)
        }
        return fields
    }

    private static func choiceOptions(_ question: RegistrationQuestion, chosen: [String]) -> [FormField.Option] {
        question.choices.enumerated().map { index, choice in
            .init(value: "c\(index)", label: choice, selected: chosen.contains(choice))
        }
    }
}
