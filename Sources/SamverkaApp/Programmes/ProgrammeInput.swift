import Fluent
import Vapor

/// The edition form as typed; every field optional so a half-filled form comes back intact.
struct ProgrammeInput: Content {
    /// The most activities one organisation may be allowed; no week needs more.
    static let largestCap = 10_000

    var name: String?
    var slug: String?
    var description: String?
    var firstDay: String?
    var lastDay: String?
    var submissionOpensAt: String?
    var submissionClosesAt: String?
    var publicFrom: String?
    /// Themes and target groups as rows: a kept key (hidden) and the names in both languages.
    var themeKey: [String]?
    var themeSv: [String]?
    var themeEn: [String]?
    var groupKey: [String]?
    var groupSv: [String]?
    var groupEn: [String]?
    var requiresPublicParty: String?
    var maxActivitiesPerOrganisation: String?

    init() {}

    init(_ programme: Programme, dates: DateText) {
        name = programme.name
        slug = programme.slug
        description = programme.description
        firstDay = dates.dayInputValue(programme.firstDay)
        lastDay = dates.dayInputValue(programme.lastDay)
        submissionOpensAt = dates.inputValue(programme.submissionOpensAt)
        submissionClosesAt = programme.submissionClosesAt.map(dates.inputValue)
        publicFrom = dates.inputValue(programme.publicFrom)
        (themeKey, themeSv, themeEn) = (
            programme.themes.map(\.key), programme.themes.map(\.sv), programme.themes.map(\.en)
        )
        (groupKey, groupSv, groupEn) = (
            programme.targetGroups.map(\.key), programme.targetGroups.map(\.sv), programme.targetGroups.map(\.en)
        )
        requiresPublicParty = programme.requiresPublicParty ? "true" : nil
        maxActivitiesPerOrganisation = programme.maxActivitiesPerOrganisation.map(String.init)
    }

    func apply(to programme: Programme, request: Request, errors: inout FieldErrors) async throws {
        if programme.id == nil { programme.activitiesVersion = 0 }
        let dates = request.dates
        let name = (self.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", request.t("error.required")) }
        programme.name = name
        var slug = (self.slug ?? "").trimmingCharacters(in: .whitespaces)
        if slug.isEmpty { slug = Slug.make(from: name) }
        if !name.isEmpty && !Slug.isValid(slug) {
            errors.add("slug", request.t("error.slug"))
        } else if let existing = try await Programme.find(slug: slug, on: request.db), existing.id != programme.id {
            errors.add("slug", request.t("error.slug_taken"))
        }
        programme.slug = slug
        errors.checkMarkdown("description", description, request)
        programme.description = description ?? ""

        func day(_ field: String, _ text: String?) -> Date? {
            guard let text, !text.isEmpty else {
                errors.add(field, request.t("error.required"))
                return nil
            }
            guard let date = dates.parseDay(text) else {
                errors.add(field, request.t("error.date"))
                return nil
            }
            return date
        }
        func moment(_ field: String, _ text: String?, required: Bool) -> Date? {
            guard let text, !text.isEmpty else {
                if required { errors.add(field, request.t("error.required")) }
                return nil
            }
            guard let date = dates.parseInput(text) else {
                errors.add(field, request.t("error.datetime"))
                return nil
            }
            return date
        }
        let first = day("firstDay", firstDay)
        let last = day("lastDay", lastDay)
        if let first, let last, last < first { errors.add("lastDay", request.t("error.last_before_first")) }
        if let first { programme.firstDay = first }
        if let last { programme.lastDay = last }
        if let opens = moment("submissionOpensAt", submissionOpensAt, required: true) {
            programme.submissionOpensAt = opens
        }
        programme.submissionClosesAt = moment("submissionClosesAt", submissionClosesAt, required: false)
        if let closes = programme.submissionClosesAt, let opens = dates.parseInput(submissionOpensAt ?? ""),
            closes <= opens
        {
            errors.add("submissionClosesAt", request.t("error.closes_before_opens"))
        }
        if let from = moment("publicFrom", publicFrom, required: true) { programme.publicFrom = from }

        if let terms = Self.terms(themeRows, field: "themes", request: request, errors: &errors) {
            programme.themes = terms
        }
        if let terms = Self.terms(groupRows, field: "targetGroups", request: request, errors: &errors) {
            programme.targetGroups = terms
        }
        programme.requiresPublicParty = requiresPublicParty == "true"
        let cap = (maxActivitiesPerOrganisation ?? "").trimmingCharacters(in: .whitespaces)
        if cap.isEmpty {
            programme.maxActivitiesPerOrganisation = nil
        } else if let value = Int(cap), (1...ProgrammeInput.largestCap).contains(value) {
            programme.maxActivitiesPerOrganisation = value
        } else {
            errors.add(
                "maxActivitiesPerOrganisation", request.t("error.positive_number", ["max": "\(Self.largestCap)"]))
        }
    }

    var themeRows: ProgrammeTerm.Rows { Self.rows(themeKey, themeSv, themeEn) }
    var groupRows: ProgrammeTerm.Rows { Self.rows(groupKey, groupSv, groupEn) }

    private static func rows(_ key: [String]?, _ sv: [String]?, _ en: [String]?) -> ProgrammeTerm.Rows {
        ProgrammeTerm.Rows(key: key ?? [], sv: sv ?? [], en: en ?? [])
    }

    private static func terms(
        _ rows: ProgrammeTerm.Rows, field: String, request: Request, errors: inout FieldErrors
    ) -> [ProgrammeTerm]? {
        switch rows.terms() {
        case .success(let terms) where terms.count > ProgrammeTerm.limit:
            errors.add(field, request.t("error.too_many_terms", ["max": "\(ProgrammeTerm.limit)"]))
        case .success(let terms): return terms
        case .failure(let problem): errors.add(field, request.t("error.term_without_name", ["row": "\(problem.row)"]))
        }
        return nil
    }

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        let extra = FormRows.extra(request)
        return [
            FormField(
                "name", label: request.t("field.programme_name"), value: name ?? "", error: errors["name"],
                hint: request.t("hint.programme_name"), required: true),
            FormField(
                "slug", label: request.t("field.slug"), value: slug ?? "", error: errors["slug"],
                hint: request.t("hint.slug")),
            FormField(
                "description", label: request.t("field.description"), kind: .textarea, value: description ?? "",
                error: errors["description"], hint: request.t("hint.markdown"), rows: 8),
            FormField(
                "firstDay", label: request.t("field.first_day"), kind: .date, value: firstDay ?? "",
                error: errors["firstDay"], required: true),
            FormField(
                "lastDay", label: request.t("field.last_day"), kind: .date, value: lastDay ?? "",
                error: errors["lastDay"], required: true),
            FormField(
                "submissionOpensAt", label: request.t("field.submission_opens_at"), kind: .datetime,
                value: submissionOpensAt ?? "", error: errors["submissionOpensAt"], hint: request.t("hint.local_time"),
                required: true),
            FormField(
                "submissionClosesAt", label: request.t("field.submission_closes_at"), kind: .datetime,
                value: submissionClosesAt ?? "", error: errors["submissionClosesAt"],
                hint: request.t("hint.submission_closes_at")),
            FormField(
                "publicFrom", label: request.t("field.public_from"), kind: .datetime, value: publicFrom ?? "",
                error: errors["publicFrom"], hint: request.t("hint.public_from"), required: true),
            FormField(
                "themes", label: request.t("field.themes"), kind: .rows, error: errors["themes"],
                hint: request.t("hint.terms"),
                cells: themeRows.cells("theme", request: request, extra: extra), addLabel: request.t("action.add_rows")),
            FormField(
                "targetGroups", label: request.t("field.target_groups"), kind: .rows, error: errors["targetGroups"],
                hint: request.t("hint.terms"),
                cells: groupRows.cells("group", request: request, extra: extra), addLabel: request.t("action.add_rows")),
            FormField(
                "requiresPublicParty", label: request.t("field.requires_public_party"), kind: .checkbox,
                value: requiresPublicParty == "true" ? "true" : "", error: errors["requiresPublicParty"],
                hint: request.t("hint.requires_public_party")),
            FormField(
                "maxActivitiesPerOrganisation", label: request.t("field.max_activities"), kind: .number,
                value: maxActivitiesPerOrganisation ?? "", error: errors["maxActivitiesPerOrganisation"],
                hint: request.t("hint.max_activities")),
        ]
    }
}
