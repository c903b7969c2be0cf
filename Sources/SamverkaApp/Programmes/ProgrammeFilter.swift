import Foundation
import Vapor

/// The public programme's filters, read from GET parameters so every view can be shared as a
/// link and works without JavaScript. Each dimension narrows the list; the count beside each
/// option is how many activities match it together with all the *other* chosen filters.
struct ProgrammeFilter: Sendable {
    enum Dimension: String, CaseIterable, Sendable {
        case day, region, municipality, format, theme, group, language, sector

        /// The position in `Facts.values`: arrays index faster than dictionaries in the
        /// per-activity loop.
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
    }

    var values: [Dimension: String] = [:]
    var text = ""

    init(values: [Dimension: String] = [:], text: String = "") {
        self.values = values
        self.text = text
    }

    init(request: Request) {
        for dimension in Dimension.allCases {
            if let value = try? request.query.get(String.self, at: dimension.rawValue), !value.isEmpty {
                values[dimension] = value
            }
        }
        text = SearchText.from(request)
    }

    /// One approved activity as the public programme needs it: plain values copied out of the
    /// models once, so the per-request scan touches no Fluent property and memory stays small.
    struct Facts: Sendable {
        let id: UUID
        let slug: String
        let title: String
        let summary: String
        let startsAt: Date?
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

    static func facts(_ activity: Activity, organisation: Organisation, partners: [Organisation], dates: DateText, municipalities: Municipalities) -> Facts {
        let day = activity.startsAt.map(dates.dayInputValue) ?? ""
        let region = activity.municipalityCode.flatMap { municipalities[$0]?.regionCode }
        let sectors = Set(([organisation] + partners).map(\.sector.rawValue))
        let languages = activity.language == "sv-en" ? ["sv", "en"] : [activity.language]
        return Facts(
            id: activity.id ?? UUID(), slug: activity.slug, title: activity.title, summary: activity.summary, startsAt: activity.startsAt,
            format: activity.format, municipalityCode: activity.municipalityCode, allSweden: activity.allSweden,
            venue: activity.venue, organisationName: organisation.name,
            organisations: ([organisation] + partners).map { OrganisationFact(id: $0.id ?? UUID(), sector: $0.sector) },
            day: day, region: region,
            values: [
                [day],
                region.map { [$0] } ?? [],
                activity.municipalityCode.map { [$0] } ?? [],
                [activity.format.rawValue],
                activity.themes,
                activity.targetGroups,
                languages,
                Array(sectors).sorted(),
            ]
        )
    }

    /// The query string of this filter, with one dimension changed, for links and pagination.
    func query(setting dimension: Dimension? = nil, to value: String? = nil, page: Int? = nil) -> String {
        var values = self.values
        if let dimension { values[dimension] = value }
        var parts = Dimension.allCases.compactMap { dimension in
            values[dimension].map { "\(dimension.rawValue)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        }
        if !text.isEmpty { parts.append("q=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if let page, page > 1 { parts.append("page=\(page)") }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    var isEmpty: Bool { values.isEmpty && text.isEmpty }
}

struct OrganisationFact: Sendable {
    let id: UUID
    let sector: Sector
}
