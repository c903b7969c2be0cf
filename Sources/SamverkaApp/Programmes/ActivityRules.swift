import Fluent
import Vapor

/// The edition's rules, checked when an activity is sent for review. Each problem names its
/// field and says what would make it right.
struct ActivityRules {
    struct PartnerState {
        let organisation: Organisation
        let role: ActivityPartner.Role
        let confirmed: Bool
    }

    let programme: Programme
    let organisation: Organisation
    let partners: [PartnerState]
    let request: Request

    func check(_ activity: Activity, errors: inout FieldErrors) async throws {
        let dates = request.dates
        let now = request.now
        let calendar = request.application.calendar

        // The submission window: from its opening until it closes, or by default until the
        // activity itself starts.
        if now < programme.submissionOpensAt {
            errors.add(
                "startsAt",
                request.t(
                    "error.window_not_open",
                    ["name": programme.name, "date": dates.dateAndTime(programme.submissionOpensAt)]))
        } else if let closes = programme.submissionClosesAt, now >= closes {
            errors.add(
                "startsAt",
                request.t("error.window_closed", ["name": programme.name, "date": dates.dateAndTime(closes)]))
        } else if programme.submissionClosesAt == nil, let start = activity.startsAt, start <= now {
            errors.add("startsAt", request.t("error.window_started"))
        }

        let end = programme.end(calendar: calendar)
        let days = [
            "name": programme.name, "first": dates.date(programme.firstDay), "last": dates.date(programme.lastDay),
        ]
        if let start = activity.startsAt, start < programme.firstDay || start >= end {
            errors.add("startsAt", request.t("error.outside_programme", days))
        }
        if let finish = activity.endsAt, finish <= programme.firstDay || finish > end {
            errors.add("endsAt", request.t("error.outside_programme", days))
        }

        switch activity.format {
        case .digital:
            if activity.allSweden && activity.municipalityCode != nil {
                errors.add("allSweden", request.t("error.all_sweden_or_municipality"))
            } else if !activity.allSweden && activity.municipalityCode == nil {
                errors.add("municipalityCode", request.t("error.municipality_or_all_sweden"))
            }
        case .physical, .hybrid:
            if activity.municipalityCode == nil {
                errors.add("municipalityCode", request.t("error.municipality_for_place"))
            }
            if activity.allSweden { errors.add("allSweden", request.t("error.all_sweden_digital_only")) }
            if activity.venue.isEmpty { errors.add("venue", request.t("error.required")) }
        }

        if !programme.themes.isEmpty && activity.themes.isEmpty {
            errors.add("themes", request.t("error.choose_at_least_one"))
        }

        let unconfirmed = partners.filter { !$0.confirmed }.map(\.organisation.name)
        if !unconfirmed.isEmpty {
            errors.add(
                "partners", request.t("error.partners_unconfirmed", ["names": unconfirmed.joined(separator: ", ")]))
        }
        if programme.requiresPublicParty && !organisation.sector.isPublic
            && !partners.contains(where: { $0.confirmed && $0.organisation.sector.isPublic })
        {
            let waiting = partners.filter { !$0.confirmed && $0.organisation.sector.isPublic }.map(\.organisation.name)
            errors.add(
                "partners",
                waiting.isEmpty
                    ? request.t("error.public_party_missing", ["organisation": organisation.name])
                    : request.t("error.public_party_unconfirmed", ["names": waiting.joined(separator: ", ")]))
        }

        if let cap = programme.maxActivitiesPerOrganisation {
            let others = try await Activity.query(on: request.db)
                .filter(\.$programme.$id == programme.requireID())
                .filter(\.$organisation.$id == organisation.requireID())
                .filter(\.$status ~~ [.submitted, .approved, .changesRequested])
                .filter(\.$id != activity.id ?? UUID())
                .count()
            if others >= cap {
                errors.add(
                    "organisation",
                    request.t("error.cap_reached", ["organisation": organisation.name, "count": "\(cap)"]))
            }
        }
    }
}
