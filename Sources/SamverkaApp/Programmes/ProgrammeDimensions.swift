import Foundation
import Vapor

/// Everything about each dimension of the public programme's filter, in one place: its position,
/// its label, where an activity's values come from, what the page offers and what the API
/// accepts. A new dimension is a case of `ProgrammeFilter.Dimension` and its arms here, and its
/// parameter in the OpenAPI document (`Resources/API/openapi.json`).
extension ProgrammeFilter.Dimension {
    /// The position in `Facts.values` and in the counts: arrays index faster than dictionaries
    /// in the per-activity loop.
    var ordinal: Int {
        switch self {
        case .day: 0
        case .region: 1
        case .municipality: 2
        case .format: 3
        case .theme: 4
        case .group: 5
        case .language: 6
        case .sector: 7
        }
    }

    /// The catalogue key of its label on the programme page.
    var labelKey: String {
        switch self {
        case .day: "filter.day"
        case .region: "filter.region"
        case .municipality: "field.municipality"
        case .format: "field.format"
        case .theme: "field.themes"
        case .group: "field.target_groups"
        case .language: "field.language"
        case .sector: "filter.sector"
        }
    }

    /// Whether an activity can have several, or a person may well want several: ticked boxes
    /// rather than one choice in a list.
    var takesSeveral: Bool {
        switch self {
        case .region, .municipality, .theme, .group: true
        case .day, .format, .language, .sector: false
        }
    }

    /// An activity's values in this dimension; `day`, `region` and `sectors` are worked out once
    /// per activity by `ProgrammeFilter.facts`.
    func values(of activity: Activity, day: String, region: String?, sectors: [String]) -> [String] {
        switch self {
        case .day: [day]
        case .region: region.map { [$0] } ?? []
        case .municipality: activity.municipalityCode.map { [$0] } ?? []
        case .format: [activity.format.rawValue]
        case .theme: activity.themes
        case .group: activity.targetGroups
        case .language: activity.language == "sv-en" ? ["sv", "en"] : [activity.language]
        case .sector: sectors
        }
    }

    /// What the edition's page offers, as (value, name).
    func options(
        _ programme: Programme, filter: ProgrammeFilter, index: ProgrammeIndex?, request: Request
    ) -> [(String, String)] {
        let municipalities = request.application.municipalities
        switch self {
        case .day:
            let dates = request.dates
            return programme.days(calendar: request.application.calendar).map {
                (dates.dayInputValue($0), dates.longDate($0))
            }
        case .region:
            return Regions.all(municipalities).map { ($0.code, $0.name) }
        case .municipality:
            // Those the edition's activities are in, and any a link chose.
            let used = index?.municipalityCodes ?? []
            let chosen = Set(filter.values[.municipality] ?? [])
            return municipalities.all.filter { used.contains($0.code) || chosen.contains($0.code) }
                .map { ($0.code, $0.name) }
        case .format:
            return Activity.Format.allCases.map { ($0.rawValue, request.t("activity_format.\($0.rawValue)")) }
        case .theme:
            return programme.themes.map { ($0.key, $0.name(request.language)) }
        case .group:
            return programme.targetGroups.map { ($0.key, $0.name(request.language)) }
        case .language:
            return ["sv", "en"].map { ($0, request.t("language.\($0)")) }
        case .sector:
            return Sector.allCases.map { ($0.rawValue, request.t("sector.\($0.rawValue)")) }
        }
    }

    /// The shape of the values the API accepts, as its OpenAPI document describes them.
    enum Accepted {
        /// One of these.
        case listed(Set<String>)
        /// A code of this many digits.
        case digits(Int)
        /// A date, YYYY-MM-DD.
        case date
        /// Any value: one the edition has no activities for matches nothing.
        case any
    }

    var accepted: Accepted {
        switch self {
        case .format: .listed(Set(Activity.Format.allCases.map(\.rawValue)))
        case .sector: .listed(Set(Sector.allCases.map(\.rawValue)))
        case .language: .listed(["sv", "en"])
        case .region: .digits(2)
        case .municipality: .digits(4)
        case .day: .date
        case .theme, .group: .any
        }
    }

    /// Why the API refuses `value` for this dimension, or nil when it accepts it. A well-formed
    /// value no activity has (another edition's theme, 2026-02-31) matches nothing instead.
    func refusal(of value: String) -> String? {
        switch accepted {
        case .listed(let values):
            values.contains(value)
                ? nil : "\(rawValue) '\(value)' is not one of \(values.sorted().joined(separator: ", "))"
        case .digits(let digits):
            value.count == digits && value.isAllASCIIDigits
                ? nil : "\(rawValue) '\(value)' is not a code of \(digits) digits"
        case .date:
            Self.isDate(value) ? nil : "\(rawValue) must be a date, YYYY-MM-DD"
        case .any:
            nil
        }
    }

    /// Shaped as YYYY-MM-DD; whether such a day exists is not asked (2026-02-31 matches nothing).
    private static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [4, 2, 2] && parts.allSatisfy(\.isAllASCIIDigits)
    }
}
