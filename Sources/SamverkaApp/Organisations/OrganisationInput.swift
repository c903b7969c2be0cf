import Fluent
import Vapor

/// The organisation form as typed; every field optional so a half-filled form comes back intact.
struct OrganisationInput: Content {
    var name: String?
    var slug: String?
    var sector: String?
    var organisationNumber: String?
    var municipalityCode: String?
    var website: String?
    var description: String?
    var logo: String?
    var logoFile: File?

    static let nameLimit = 200

    init() {}

    init(_ organisation: Organisation) {
        name = organisation.name
        slug = organisation.slug
        sector = organisation.sector.rawValue
        organisationNumber = organisation.organisationNumber
        municipalityCode = organisation.municipalityCode
        website = organisation.website
        description = organisation.description
        logo = organisation.logo
    }

    /// Checks the input and writes what is valid to `organisation`; a new logo is written only
    /// by `ImageUpload.settle`, once the whole form is valid.
    func apply(to organisation: Organisation, request: Request, errors: inout FieldErrors) async throws {
        let name = (self.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.add("name", request.t("error.required")) }
        if name.count > Self.nameLimit { errors.add("name", request.t("error.too_long", ["max": "\(Self.nameLimit)"])) }
        organisation.name = name

        var slug = (self.slug ?? "").trimmingCharacters(in: .whitespaces)
        if slug.isEmpty { slug = Slug.make(from: name) }
        if !name.isEmpty && !Slug.isValid(slug) {
            errors.add("slug", request.t("error.slug"))
        } else if let existing = try await Organisation.find(slug: slug, on: request.db), existing.id != organisation.id
        {
            errors.add("slug", request.t("error.slug_taken"))
        }
        organisation.slug = slug

        let chosenSector = Sector(rawValue: sector ?? "")
        if let chosenSector {
            organisation.sector = chosenSector
        } else {
            errors.add("sector", request.t("error.choose_one"))
        }

        let numberText = (organisationNumber ?? "").trimmingCharacters(in: .whitespaces)
        organisation.organisationNumber = nil
        if !numberText.isEmpty {
            var parsed: OrganisationNumber?
            do {
                parsed = try OrganisationNumber(numberText)
            } catch {
                errors.add(
                    "organisationNumber",
                    request.t(error == .checkDigit ? "error.org_number_check" : "error.org_number_format"))
            }
            if let number = parsed {
                organisation.organisationNumber = number.formatted
                if let existing = try await Organisation.query(on: request.db).filter(
                    \.$organisationNumber == number.formatted
                ).first(),
                    existing.id != organisation.id
                {
                    errors.add("organisationNumber", request.t("error.org_number_taken", ["name": existing.name]))
                }
            }
        }

        let code = (municipalityCode ?? "").trimmingCharacters(in: .whitespaces)
        if !code.isEmpty && request.application.municipalities[code] == nil {
            errors.add("municipalityCode", request.t("error.choose_one"))
        } else if code.isEmpty && chosenSector == .municipality {
            errors.add("municipalityCode", request.t("error.municipality_needed"))
        }
        organisation.municipalityCode = code.isEmpty ? nil : code

        let website = (self.website ?? "").trimmingCharacters(in: .whitespaces)
        if !website.isEmpty && !SafeURL.isWebAddress(website) { errors.add("website", request.t("error.url")) }
        organisation.website = website.isEmpty ? nil : website

        errors.checkMarkdown("description", description, request)
        organisation.description = description ?? ""

        organisation.logo = ImageUpload.accept(
            file: logoFile, typed: logo, fileField: "logoFile", addressField: "logo", request: request, errors: &errors)
    }

    func fields(_ request: Request, errors: FieldErrors) -> [FormField] {
        let sectors = Sector.allCases.map {
            FormField.Option(
                value: $0.rawValue, label: request.t("sector.\($0.rawValue)"), selected: $0.rawValue == sector)
        }
        return [
            FormField(
                "name", label: request.t("field.organisation_name"), value: name ?? "", error: errors["name"],
                required: true, autocomplete: "organization"),
            FormField(
                "slug", label: request.t("field.slug"), value: slug ?? "", error: errors["slug"],
                hint: request.t("hint.slug")),
            FormField(
                "sector", label: request.t("field.sector"), kind: .select, error: errors["sector"],
                hint: request.t("hint.sector"), required: true,
                options: [
                    FormField.Option(value: "", label: request.t("option.choose"), selected: (sector ?? "").isEmpty)
                ] + sectors),
            FormField(
                "organisationNumber", label: request.t("field.organisation_number"), value: organisationNumber ?? "",
                error: errors["organisationNumber"], hint: request.t("hint.organisation_number")),
            FormField(
                "municipalityCode", label: request.t("field.municipality"), kind: .select,
                error: errors["municipalityCode"], hint: request.t("hint.organisation_municipality"),
                options: MunicipalityOptions.options(request, selected: municipalityCode)),
            FormField(
                "website", label: request.t("field.website"), kind: .url, value: website ?? "",
                error: errors["website"], autocomplete: "url"),
            FormField(
                "description", label: request.t("field.description"), kind: .textarea, value: description ?? "",
                error: errors["description"], hint: request.t("hint.markdown"), rows: 10),
        ] + FormField.image("logo", label: request.t("field.logo"), value: logo, errors: errors, request: request)
    }
}
