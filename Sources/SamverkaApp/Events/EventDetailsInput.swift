import Fluent
import Vapor

/// The fields special to an event, as typed into its form.
struct EventDetailsInput: ContentDetailsInput {
    var startsAt: String?
    var endsAt: String?
    var dateDescription: String?
    var format: String?
    var status: String?
    var placeName: String?
    var address: String?
    var municipalityCode: String?
    var onlineURL: String?
    var localGroup: String?
    var recurrence: String?
    var recurrenceUntil: String?
    var linkTitle: [String]?
    var linkURL: [String]?
    var partnerTitle: [String]?
    var partnerURL: [String]?
    var partnerLogo: [String]?
    /// The organisations that organise or take part, a row each, by name.
    var organisationName: [String]?

    init() {}

    init(item: Event, request: Request) async throws {
        let dates = request.dates
        startsAt = dates.inputValue(item.startsAt)
        endsAt = item.endsAt.map(dates.inputValue)
        dateDescription = item.dateDescription
        format = item.format.rawValue
        status = item.status.rawValue
        placeName = item.placeName
        address = item.address
        municipalityCode = item.municipalityCode
        onlineURL = item.onlineURL
        localGroup = try await item.$localGroup.get(on: request.db)?.slug
        recurrence = item.recurrence.rawValue
        recurrenceUntil = item.recurrenceUntil.map(dates.inputValue)
        (linkTitle, linkURL) = ContentLink.columns(item.links)
        (partnerTitle, partnerURL, partnerLogo) = Partner.columns(item.partners)
        organisationName = try await item.$organisations.get(on: request.db).map(\.name)
    }

    /// "New event" from an organisation's or a local group's page names it as organiser.
    static func starting(_ request: Request) async throws -> EventDetailsInput {
        var input = EventDetailsInput()
        if let slug = try? request.query.get(String.self, at: "organisation"),
            let organisation = try await Organisation.find(slug: slug, on: request.db)
        {
            input.organisationName = [organisation.name]
        }
        if let slug = try? request.query.get(String.self, at: "group"),
            try await LocalGroup.find(slug: slug, on: request.db) != nil
        {
            input.localGroup = slug
        }
        return input
    }

    func apply(to event: Event, request: Request, errors: inout FieldErrors) async throws {
        let dates = request.dates
        // An event stored without a way to attend online (imported so, or from before the
        // rule) may still be saved as it is; only taking a way away, or a new event, is refused.
        let lackedWayToAttend =
            event.id != nil && event.format != .physical && event.onlineURL == nil && event.placeName.isEmpty
        if let start = dates.parseInput(startsAt ?? "") {
            event.startsAt = start
        } else {
            errors.add("startsAt", request.t((startsAt ?? "").isEmpty ? "error.required" : "error.datetime"))
        }
        event.endsAt = nil
        if let text = endsAt, !text.isEmpty {
            if let end = dates.parseInput(text) {
                if let start = dates.parseInput(startsAt ?? ""), end < start {
                    errors.add("endsAt", request.t("error.end_before_start"))
                }
                event.endsAt = end
            } else {
                errors.add("endsAt", request.t("error.datetime"))
            }
        }
        event.dateDescription = (dateDescription ?? "").trimmingCharacters(in: .whitespaces)

        // Checks below use these parsed values, never the model's fields: on a new event a field
        // the form left out has no value yet, and reading it would stop the server.
        let chosenFormat = EventFormat(rawValue: format ?? "")
        if let chosenFormat { event.format = chosenFormat } else { errors.add("format", request.t("error.choose_one")) }
        if let value = EventStatus(rawValue: status ?? "") {
            event.status = value
        } else {
            errors.add("status", request.t("error.choose_one"))
        }
        if let value = Recurrence(rawValue: recurrence ?? "") {
            event.recurrence = value
        } else {
            errors.add("recurrence", request.t("error.choose_one"))
        }

        event.placeName = (placeName ?? "").trimmingCharacters(in: .whitespaces)
        event.address = (address ?? "").trimmingCharacters(in: .whitespaces)
        let code = (municipalityCode ?? "").trimmingCharacters(in: .whitespaces)
        if !code.isEmpty && request.application.municipalities[code] == nil {
            errors.add("municipalityCode", request.t("error.choose_one"))
        }
        event.municipalityCode = code.isEmpty ? nil : code

        let online = (onlineURL ?? "").trimmingCharacters(in: .whitespaces)
        if !online.isEmpty && !SafeURL.isWebAddress(online) { errors.add("onlineURL", request.t("error.url")) }
        event.onlineURL = online.isEmpty ? nil : online
        if let chosenFormat, chosenFormat != .physical, online.isEmpty, event.placeName.isEmpty, !lackedWayToAttend {
            errors.add("onlineURL", request.t("error.online_needs_link"))
        }

        event.recurrenceUntil = nil
        if let text = recurrenceUntil, !text.isEmpty {
            if let until = dates.parseInput(text) {
                event.recurrenceUntil = until
            } else {
                errors.add("recurrenceUntil", request.t("error.datetime"))
            }
        }

        switch LineLists.links(title: linkTitle, url: linkURL) {
        case .success(let value): event.links = value
        case .failure(let error): errors.add("links", request.t(error.key, ["line": "\(error.line)"]))
        }
        switch LineLists.partners(title: partnerTitle, url: partnerURL, logo: partnerLogo) {
        case .success(let value): event.partners = value
        case .failure(let error): errors.add("partners", request.t(error.key, ["line": "\(error.line)"]))
        }

        let named = try await OrganisationNames.resolve(organisationName, on: request.db)
        if case .failure(let unknown) = named {
            errors.add("organisations", OrganisationNames.message(unknown, request))
        }
        switch try await LocalGroupOptions.resolve(localGroup, on: request.db) {
        case .success(let id): event.$localGroup.id = id
        case .failure(let problem): errors.add("localGroup", request.t(problem.key))
        }
        // A member who is not staff publishes for their own: the event must stay theirs.
        let access = try await EventAccess.of(request)
        if !access.isStaff, case .success(let organisations) = named,
            !access.owns(groupID: event.$localGroup.id, organisationIDs: organisations.compactMap(\.organisation.id))
        {
            errors.add("organisations", request.t("error.event_not_yours"))
        }
    }

    func afterSave(_ event: Event, request: Request, on database: any Database) async throws {
        let wanted = try await OrganisationNames.resolve(organisationName, on: database).get().map(\.organisation)
        try await event.$organisations.detachAll(on: database)
        try await event.$organisations.attach(wanted, on: database)
    }

    func fields(request: Request, errors: FieldErrors) async throws -> [FormField] {
        func options<T: RawRepresentable & CaseIterable>(
            _ type: T.Type, _ prefix: String, _ current: String?
        ) -> [FormField.Option] where T.RawValue == String {
            FormField.Option.all(type, labels: prefix, selected: current, request: request)
        }
        return [
            FormField(
                "startsAt", label: request.t("field.starts_at"), kind: .datetime, value: startsAt ?? "",
                error: errors["startsAt"], hint: request.t("hint.local_time"), required: true),
            FormField(
                "endsAt", label: request.t("field.ends_at"), kind: .datetime, value: endsAt ?? "",
                error: errors["endsAt"]),
            FormField(
                "dateDescription", label: request.t("field.date_description"), value: dateDescription ?? "",
                error: errors["dateDescription"], hint: request.t("hint.date_description")),
            FormField(
                "format", label: request.t("field.format"), kind: .select, error: errors["format"], required: true,
                options: options(EventFormat.self, "format", format ?? EventFormat.physical.rawValue)),
            FormField(
                "status", label: request.t("field.status"), kind: .select, error: errors["status"], required: true,
                options: options(EventStatus.self, "status", status ?? EventStatus.scheduled.rawValue)),
            FormField(
                "placeName", label: request.t("field.place_name"), value: placeName ?? "", error: errors["placeName"]),
            FormField(
                "address", label: request.t("field.address"), value: address ?? "", error: errors["address"],
                autocomplete: "street-address"),
            FormField(
                "municipalityCode", label: request.t("field.municipality"), kind: .select,
                error: errors["municipalityCode"],
                options: MunicipalityOptions.options(request, selected: municipalityCode)),
            FormField(
                "onlineURL", label: request.t("field.online_url"), kind: .url, value: onlineURL ?? "",
                error: errors["onlineURL"]),
            FormField(
                "localGroup", label: request.t("field.local_group"), kind: .select, error: errors["localGroup"],
                options: try await LocalGroupOptions.options(request, selected: localGroup)),
            FormField(
                "recurrence", label: request.t("field.recurrence"), kind: .select, error: errors["recurrence"],
                options: options(Recurrence.self, "recurrence", recurrence ?? Recurrence.none.rawValue)),
            FormField(
                "recurrenceUntil", label: request.t("field.recurrence_until"), kind: .datetime,
                value: recurrenceUntil ?? "", error: errors["recurrenceUntil"]),
            FormRows.links(
                FormRows.filled([linkTitle, linkURL]).map(\.cells), error: errors["links"], request: request),
            FormRows.partners(
                FormRows.filled([partnerTitle, partnerURL, partnerLogo]).map(\.cells), error: errors["partners"],
                request: request),
            FormRows.field(
                "organisations", label: request.t("field.event_organisations"),
                hint: request.t("hint.event_organisations"), error: errors["organisations"],
                columns: [
                    FormRows.Column(
                        name: "organisationName", label: request.t("field.partner_organisation"), autocomplete: "off",
                        list: "list-organisations")
                ],
                values: FormRows.filled([organisationName]).map(\.cells), request: request,
                suggestions: try await OrganisationNames.suggestions(request)),
        ]
    }
}

extension Event: EditableContent {
    typealias Details = EventDetailsInput
    static var section: Section { .events }
    static var nounKey: String { "event" }
    static func url(_ route: ContentRoute) -> SiteURL { .events(route) }
}
