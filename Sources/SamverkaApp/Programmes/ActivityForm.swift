import Vapor

/// Draws the activity form's fields for one edition.
extension ActivityInput {
    /// `suggestions` are the organisations a partner row offers as one types.
    func fields(
        _ request: Request, programme: Programme, organisations: [Organisation], suggestions: [FormField.Option],
        errors: FieldErrors
    ) -> [FormField] {
        let readerLanguage = request.language
        func options<T: RawRepresentable & CaseIterable>(
            _ type: T.Type, _ prefix: String, _ current: String?
        ) -> [FormField.Option] where T.RawValue == String {
            FormField.Option.all(type, labels: prefix, selected: current, request: request)
        }
        func terms(_ list: [ProgrammeTerm], _ chosen: [String]?) -> [FormField.Option] {
            list.map {
                FormField.Option(
                    value: $0.key, label: $0.name(readerLanguage), selected: chosen?.contains($0.key) ?? false)
            }
        }
        var fields: [FormField] = [
            FormField(
                "organisation", label: request.t("field.activity_organisation"), kind: .select,
                error: errors["organisation"], hint: request.t("hint.activity_organisation"), required: true,
                options: organisations.map {
                    FormField.Option(value: $0.slug, label: $0.name, selected: $0.slug == organisation)
                }),
            FormField(
                "title", label: request.t("field.title"), value: title ?? "", error: errors["title"], required: true),
            FormField(
                "summary", label: request.t("field.summary"), kind: .textarea, value: summary ?? "",
                error: errors["summary"],
                hint: request.t("hint.summary", ["max": "\(Activity.summaryLimit)"]), required: true, rows: 3),
            FormField(
                "description", label: request.t("field.description"), kind: .textarea, value: description ?? "",
                error: errors["description"], hint: request.t("hint.markdown"), rows: 10),
            FormField(
                "format", label: request.t("field.format"), kind: .select, error: errors["format"], required: true,
                options: options(Activity.Format.self, "activity_format", format ?? Activity.Format.physical.rawValue)),
            FormField(
                "startsAt", label: request.t("field.starts_at"), kind: .datetime, value: startsAt ?? "",
                error: errors["startsAt"], hint: request.t("hint.local_time"), required: true),
            FormField(
                "endsAt", label: request.t("field.ends_at"), kind: .datetime, value: endsAt ?? "",
                error: errors["endsAt"], required: true),
            FormField(
                "municipalityCode", label: request.t("field.municipality"), kind: .select,
                error: errors["municipalityCode"], hint: request.t("hint.activity_municipality"),
                options: MunicipalityOptions.options(request, selected: municipalityCode)),
            FormField(
                "allSweden", label: request.t("field.all_sweden"), kind: .checkbox,
                value: allSweden == "true" ? "true" : "", error: errors["allSweden"], hint: request.t("hint.all_sweden")
            ),
            FormField("venue", label: request.t("field.venue"), value: venue ?? "", error: errors["venue"]),
            FormField(
                "address", label: request.t("field.address"), value: address ?? "", error: errors["address"],
                autocomplete: "street-address"),
            FormField(
                "onlineURL", label: request.t("field.online_url"), kind: .url, value: onlineURL ?? "",
                error: errors["onlineURL"]),
            partnerRowsField(request, suggestions: suggestions, error: errors["partners"]),
        ]
        if !programme.themes.isEmpty {
            fields.append(
                FormField(
                    "themes", label: request.t("field.themes"), kind: .checkboxes, error: errors["themes"],
                    required: true, options: terms(programme.themes, themes)))
        }
        if !programme.targetGroups.isEmpty {
            fields.append(
                FormField(
                    "targetGroups", label: request.t("field.target_groups"), kind: .checkboxes,
                    error: errors["targetGroups"], options: terms(programme.targetGroups, targetGroups)))
        }
        fields +=
            [
                FormField(
                    "language", label: request.t("field.language"), kind: .select, error: errors["language"],
                    required: true,
                    options: ActivityInput.languages.map {
                        FormField.Option(
                            value: $0, label: request.t("activity_language.\($0)"),
                            selected: $0 == (language ?? request.language.rawValue))
                    }),
                FormField(
                    "stepFree", label: request.t("field.step_free"), kind: .checkbox,
                    value: stepFree == "true" ? "true" : ""),
                FormField(
                    "hearingLoop", label: request.t("field.hearing_loop"), kind: .checkbox,
                    value: hearingLoop == "true" ? "true" : ""),
                FormField(
                    "signLanguage", label: request.t("field.sign_language"), kind: .checkbox,
                    value: signLanguage == "true" ? "true" : ""),
                FormField(
                    "captions", label: request.t("field.captions"), kind: .checkbox,
                    value: captions == "true" ? "true" : ""
                ),
                FormField(
                    "accessibilityNotes", label: request.t("field.accessibility_notes"), kind: .textarea,
                    value: accessibilityNotes ?? "", error: errors["accessibilityNotes"],
                    hint: request.t("hint.accessibility_notes"), rows: 3),
                FormField(
                    "signUp", label: request.t("field.sign_up"), kind: .select, error: errors["signUp"],
                    options: options(Activity.SignUp.self, "sign_up", signUp ?? Activity.SignUp.none.rawValue)),
                FormField(
                    "signUpURL", label: request.t("field.sign_up_url"), kind: .url, value: signUpURL ?? "",
                    error: errors["signUpURL"]),
            ]
            + FormField.image("image", label: request.t("field.image"), value: image, errors: errors, request: request)
        return fields
    }

    /// A row per partner with its role, then empty rows to add more (more still after "add
    /// rows"); the organisation field suggests names as one types. A row counts by its name: its
    /// role select always sends a value.
    private func partnerRowsField(_ request: Request, suggestions: [FormField.Option], error: String?) -> FormField {
        let roles = partnerRole ?? []
        let values = FormRows.filled([partnerOrganisation]).map { row, cells in
            cells + [roles.indices.contains(row - 1) ? roles[row - 1] : ""]
        }
        return FormRows.field(
            "partners", label: request.t("field.activity_partners"), hint: request.t("hint.activity_partners"),
            error: error,
            columns: [
                FormRows.Column(
                    name: "partnerOrganisation", label: request.t("field.partner_organisation"), autocomplete: "off",
                    list: "list-partners"),
                FormRows.Column(
                    name: "partnerRole", label: request.t("field.partner_role"), kind: .select,
                    options: ActivityPartner.Role.allCases.map {
                        FormField.Option(
                            value: $0.rawValue, label: request.t("partner_role.\($0.rawValue)"), selected: false)
                    }),
            ], values: values, request: request, suggestions: suggestions)
    }
}
