import Foundation
import Vapor

/// The public programme's filters, read from GET parameters so every view can be shared as a
/// link and works without JavaScript. Each dimension narrows the list; the count beside each
/// option is how many activities match it together with all the *other* chosen filters.
struct ProgrammeFilter: Sendable {
    enum Dimension: String, CaseIterable, Sendable {
        case day, region, municipality, format, theme, group, language, sector
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
        text = ((try? request.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// What an activity offers for each dimension, computed once per request.
    struct Facts {
        let activity: Activity
        let organisation: Organisation
        let day: String
        let region: String?
        let values: [Dimension: [String]]
    }

    static func facts(_ activity: Activity, organisation: Organisation, partners: [Organisation], dates: DateText, municipalities: Municipalities) -> Facts {
        let day = activity.startsAt.map(dates.dayInputValue) ?? ""
        let region = activity.municipalityCode.flatMap { municipalities[$0]?.regionCode }
        let sectors = Set(([organisation] + partners).map(\.sector.rawValue))
        let languages = activity.language == "sv-en" ? ["sv", "en"] : [activity.language]
        return Facts(
            activity: activity, organisation: organisation, day: day, region: region,
            values: [
                .day: [day],
                .region: region.map { [$0] } ?? [],
                .municipality: activity.municipalityCode.map { [$0] } ?? [],
                .format: [activity.format.rawValue],
                .theme: activity.themes,
                .group: activity.targetGroups,
                .language: languages,
                .sector: Array(sectors),
            ]
        )
    }

    /// Whether the activity passes every chosen filter but, if given, `ignoring`.
    func matches(_ facts: Facts, ignoring: Dimension? = nil) -> Bool {
        for (dimension, value) in values where dimension != ignoring {
            guard facts.values[dimension]?.contains(value) == true else { return false }
        }
        return true
    }

    /// How many activities would match with `value` chosen for `dimension`.
    func count(_ all: [Facts], _ dimension: Dimension, _ value: String) -> Int {
        all.reduce(0) { total, facts in
            total + (matches(facts, ignoring: dimension) && facts.values[dimension]?.contains(value) == true ? 1 : 0)
        }
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
