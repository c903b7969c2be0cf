import Fluent
import Vapor

/// The activity form as typed. Every field is optional, so a half-filled form (or a draft)
/// comes back exactly as it was typed.
struct ActivityInput: Content {
    var organisation: String?
    var title: String?
    var summary: String?
    var description: String?
    var format: String?
    var startsAt: String?
    var endsAt: String?
    var municipalityCode: String?
    var allSweden: String?
    var venue: String?
    var address: String?
    var onlineURL: String?
    /// Other organisations, a row each: the name (or address name) and the part they play.
    var partnerOrganisation: [String]?
    var partnerRole: [String]?
    var themes: [String]?
    var targetGroups: [String]?
    var language: String?
    var stepFree: String?
    var hearingLoop: String?
    var signLanguage: String?
    var captions: String?
    var accessibilityNotes: String?
    var signUp: String?
    var signUpURL: String?
    var image: String?
    var imageFile: File?
    /// `draft` to save for later, `submit` to send for review.
    var intent: String?

    static let languages = ["sv", "en", "sv-en"]

    init() {}

    init(
        _ activity: Activity, partners: [(name: String, role: ActivityPartner.Role)], organisationSlug: String,
        dates: DateText
    ) {
        organisation = organisationSlug
        title = activity.title
        summary = activity.summary
        description = activity.description
        format = activity.format.rawValue
        startsAt = activity.startsAt.map(dates.inputValue)
        endsAt = activity.endsAt.map(dates.inputValue)
        municipalityCode = activity.municipalityCode
        allSweden = activity.allSweden ? "true" : nil
        venue = activity.venue
        address = activity.address
        onlineURL = activity.onlineURL
        partnerOrganisation = partners.map(\.name)
        partnerRole = partners.map(\.role.rawValue)
        themes = activity.themes
        targetGroups = activity.targetGroups
        language = activity.language
        stepFree = activity.stepFree ? "true" : nil
        hearingLoop = activity.hearingLoop ? "true" : nil
        signLanguage = activity.signLanguage ? "true" : nil
        captions = activity.captions ? "true" : nil
        accessibilityNotes = activity.accessibilityNotes
        signUp = activity.signUp.rawValue
        signUpURL = activity.signUpURL
        image = activity.image
    }

    var isSubmission: Bool { intent == "submit" }

    /// The partner rows as organisations and roles; empty rows are skipped.
    func partnerRows(
        on database: any Database
    ) async throws -> Result<[(Organisation, ActivityPartner.Role)], OrganisationNames.Unknown> {
        try await OrganisationNames.resolve(partnerOrganisation, on: database).map { found in
            found.map { row, organisation in
                let index = row - 1
                let role =
                    (partnerRole ?? []).indices.contains(index)
                    ? ActivityPartner.Role(rawValue: partnerRole?[index] ?? "") : nil
                return (organisation, role ?? .organiser)
            }
        }
    }

    /// Writes the typed values to `activity`, recording what is wrong in `errors`. A draft needs
    /// only a title and values that can be stored; a submission must meet every rule, which
    /// `ActivityRules` checks afterwards.
    func apply(to activity: Activity, programme: Programme, request: Request, errors: inout FieldErrors) {
        let dates = request.dates
        let title = (self.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.add("title", request.t("error.required")) }
        if title.count > 200 { errors.add("title", request.t("error.too_long", ["max": "200"])) }
        activity.title = title
        let summary = (self.summary ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.count > Activity.summaryLimit {
            errors.add("summary", request.t("error.too_long", ["max": "\(Activity.summaryLimit)"]))
        }
        if summary.isEmpty && isSubmission { errors.add("summary", request.t("error.required")) }
        activity.summary = summary
        errors.checkMarkdown("description", description, request)
        activity.description = description ?? ""

        let chosenFormat = Activity.Format(rawValue: format ?? "")
        activity.format = chosenFormat ?? .physical
        if chosenFormat == nil { errors.add("format", request.t("error.choose_one")) }

        func moment(_ field: String, _ text: String?) -> Date? {
            guard let text, !text.isEmpty else {
                if isSubmission { errors.add(field, request.t("error.required")) }
                return nil
            }
            guard let date = dates.parseInput(text) else {
                errors.add(field, request.t("error.datetime"))
                return nil
            }
            return date
        }
        activity.startsAt = moment("startsAt", startsAt)
        activity.endsAt = moment("endsAt", endsAt)
        if let start = activity.startsAt, let end = activity.endsAt, end <= start {
            errors.add("endsAt", request.t("error.end_before_start"))
        }

        let code = (municipalityCode ?? "").trimmingCharacters(in: .whitespaces)
        if !code.isEmpty && request.application.municipalities[code] == nil {
            errors.add("municipalityCode", request.t("error.choose_one"))
        }
        activity.municipalityCode = code.isEmpty ? nil : code
        activity.allSweden = allSweden == "true"
        activity.venue = (venue ?? "").trimmingCharacters(in: .whitespaces)
        activity.address = (address ?? "").trimmingCharacters(in: .whitespaces)
        let online = (onlineURL ?? "").trimmingCharacters(in: .whitespaces)
        if !online.isEmpty && !SafeURL.isWebAddress(online) { errors.add("onlineURL", request.t("error.url")) }
        activity.onlineURL = online.isEmpty ? nil : online

        let themeKeys = Set(programme.themes.map(\.key))
        activity.themes = (themes ?? []).filter { themeKeys.contains($0) }
        let groupKeys = Set(programme.targetGroups.map(\.key))
        activity.targetGroups = (targetGroups ?? []).filter { groupKeys.contains($0) }
        if Self.languages.contains(language ?? "") {
            activity.language = language ?? "sv"
        } else {
            activity.language = request.language.rawValue
            errors.add("language", request.t("error.choose_one"))
        }
        activity.stepFree = stepFree == "true"
        activity.hearingLoop = hearingLoop == "true"
        activity.signLanguage = signLanguage == "true"
        activity.captions = captions == "true"
        activity.accessibilityNotes = (accessibilityNotes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)

        let chosenSignUp = Activity.SignUp(rawValue: signUp ?? "")
        activity.signUp = chosenSignUp ?? .none
        if chosenSignUp == nil { errors.add("signUp", request.t("error.choose_one")) }
        let signUpAddress = (signUpURL ?? "").trimmingCharacters(in: .whitespaces)
        if !signUpAddress.isEmpty && !SafeURL.isWebAddress(signUpAddress) {
            errors.add("signUpURL", request.t("error.url"))
        }
        if chosenSignUp == .external && signUpAddress.isEmpty && isSubmission {
            errors.add("signUpURL", request.t("error.sign_up_url_needed"))
        }
        activity.signUpURL = signUpAddress.isEmpty ? nil : signUpAddress

        activity.image = ImageUpload.accept(
            file: imageFile, typed: image, fileField: "imageFile", addressField: "image", request: request,
            errors: &errors)
    }
}
