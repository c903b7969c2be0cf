import Foundation
import Vapor

/// The public programme's filters, read from GET parameters so every view can be shared as a
/// link and works without JavaScript. Each dimension narrows the list; the count beside each
/// option is how many activities match it together with all the *other* chosen filters.
struct ProgrammeFilter: Sendable {
    /// What it filters by; all there is to know about each is in `ProgrammeDimensions.swift`.
    enum Dimension: String, CaseIterable, Sendable {
        case day, region, municipality, format, theme, group, language, sector
    }

    /// The chosen values of each dimension: an activity matches a dimension when it has any of
    /// them ("Skåne or Halland"), and the filter when it matches every dimension.
    var values: [Dimension: [String]] = [:]
    var text = ""

    /// A link of a thousand regions costs no more than one of a few: each dimension keeps at
    /// most this many distinct values (no dimension a programme page offers has more options
    /// anyone would tick).
    static let maximumValuesPerDimension = 32
    static let maximumValueLength = 64

    init(values: [Dimension: [String]] = [:], text: String = "") {
        self.values = values.filter { !$0.value.isEmpty }
        self.text = text
    }

    init(request: Request) {
        for dimension in Dimension.allCases {
            // `region=01&region=12` (a form's ticked boxes) or one `region=01`.
            let given =
                (try? request.query.get([String].self, at: dimension.rawValue))
                ?? ((try? request.query.get(String.self, at: dimension.rawValue)).map { [$0] } ?? [])
            var chosen: [String] = []
            for value in given where !value.isEmpty && value.count <= Self.maximumValueLength && !chosen.contains(value)
            {
                chosen.append(value)
                if chosen.count == Self.maximumValuesPerDimension { break }
            }
            if !chosen.isEmpty { values[dimension] = chosen }
        }
        text = SearchText.from(request)
    }

    /// How many choices the filter holds, the search counting as one: "Filter (3)".
    var choiceCount: Int { values.values.reduce(0) { $0 + $1.count } + (text.isEmpty ? 0 : 1) }

    /// One approved activity as the public programme needs it: plain values copied out of the
    /// models once, so the per-request scan touches no Fluent property and memory stays small.
    struct Facts: Sendable {
        let id: UUID
        let slug: String
        let title: String
        let summary: String
        let startsAt: Date?
        let endsAt: Date?
        let format: Activity.Format
        let municipalityCode: String?
        let allSweden: Bool
        let venue: String
        let organisationName: String
        /// The organiser and confirmed partners, with their sectors, for statistics.
        let organisations: [OrganisationFact]
        let day: String
        let region: String?
        /// For each dimension, by `ordinal`, the values this activity has.
        let values: [[String]]

        func values(_ dimension: Dimension) -> [String] { values[dimension.ordinal] }
    }

    static func facts(
        _ activity: Activity, organisation: Organisation, partners: [Organisation], dates: DateText,
        municipalities: Municipalities
    ) -> Facts {
        let day = activity.startsAt.map(dates.dayInputValue) ?? ""
        let region = activity.municipalityCode.flatMap { municipalities[$0]?.regionCode }
        let sectors = Array(Set(([organisation] + partners).map(\.sector.rawValue))).sorted()
        var values = Array(repeating: [String](), count: Dimension.allCases.count)
        for dimension in Dimension.allCases {
            values[dimension.ordinal] = dimension.values(of: activity, day: day, region: region, sectors: sectors)
        }
        return Facts(
            id: activity.id ?? UUID(), slug: activity.slug, title: activity.title, summary: activity.summary,
            startsAt: activity.startsAt, endsAt: activity.endsAt,
            format: activity.format, municipalityCode: activity.municipalityCode, allSweden: activity.allSweden,
            venue: activity.venue, organisationName: organisation.name,
            organisations: ([organisation] + partners).map { OrganisationFact(id: $0.id ?? UUID(), sector: $0.sector) },
            day: day, region: region, values: values
        )
    }

    /// The query string of this filter, for links and pagination; `extra` parameters (a view,
    /// a page) come last.
    func query(extra: [(String, String)] = []) -> String {
        var parts: [String] = []
        for dimension in Dimension.allCases {
            for value in values[dimension] ?? [] { parts.append(dimension.rawValue + "=" + Self.encode(value)) }
        }
        if !text.isEmpty { parts.append("q=" + Self.encode(text)) }
        for (name, value) in extra { parts.append(name + "=" + Self.encode(value)) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// This filter with one dimension's values replaced (none: the dimension taken away).
    func setting(_ dimension: Dimension, to chosen: [String]) -> ProgrammeFilter {
        var copy = self
        copy.values[dimension] = chosen.isEmpty ? nil : chosen
        return copy
    }

    /// This filter without one of a dimension's values.
    func removing(_ value: String, from dimension: Dimension) -> ProgrammeFilter {
        setting(dimension, to: (values[dimension] ?? []).filter { $0 != value })
    }

    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    var isEmpty: Bool { values.isEmpty && text.isEmpty }
}

struct OrganisationFact: Sendable {
    let id: UUID
    let sector: Sector
}
