import Foundation
import Vapor

/// The figures of an edition, from its approved activities: how many, in which form, where,
/// on which themes and days, and who takes part.
struct ProgrammeStatistics {
    struct Count: Equatable {
        let key: String
        let label: String
        let count: Int
    }

    let activities: Int
    let formats: [Count]
    let sectors: [Count]
    let organisations: Int
    let municipalitiesReached: Int
    let municipalitiesTotal: Int
    let regions: [Count]
    let themes: [Count]
    let days: [Count]

    /// - Parameters:
    ///   - activities: the edition's approved activities, from its programme index.
    static func compute(
        _ activities: [ProgrammeFilter.Facts],
        programme: Programme, municipalities: Municipalities, dates: DateText, calendar: Calendar,
        label: (String) -> String
    ) -> ProgrammeStatistics {
        func counted(_ keys: [String], _ all: [(String, String)]) -> [Count] {
            var tally: [String: Int] = [:]
            for key in keys { tally[key, default: 0] += 1 }
            return all.map { Count(key: $0.0, label: $0.1, count: tally[$0.0] ?? 0) }
        }
        var organisationsByID: [UUID: Sector] = [:]
        for entry in activities {
            for organisation in entry.organisations { organisationsByID[organisation.id] = organisation.sector }
        }
        let codes = Set(activities.compactMap(\.municipalityCode))
        let regions = Regions.all(municipalities)
        let days = programme.days(calendar: calendar).map { (dates.dayInputValue($0), dates.longDate($0)) }
        return ProgrammeStatistics(
            activities: activities.count,
            formats: counted(
                activities.map(\.format.rawValue),
                Activity.Format.allCases.map { ($0.rawValue, label("activity_format.\($0.rawValue)")) }),
            sectors: counted(
                organisationsByID.values.map(\.rawValue),
                Sector.allCases.map { ($0.rawValue, label("sector.\($0.rawValue)")) }),
            organisations: organisationsByID.count,
            municipalitiesReached: codes.count,
            municipalitiesTotal: municipalities.all.count,
            regions: counted(activities.compactMap(\.region), regions.map { ($0.code, $0.name) }),
            themes: counted(
                activities.flatMap { $0.values(.theme) }, programme.themes.map { ($0.key, $0.name(dates.language)) }),
            days: counted(activities.map(\.day).filter { !$0.isEmpty }, days)
        )
    }
}

/// A horizontal bar chart drawn as SVG by the template, every coordinate worked out here.
struct BarChart: Encodable {
    struct Bar: Encodable {
        let label: String
        let count: Int
        let y: Int
        let textY: Int
        let width: Int
        let countX: Int
    }

    let id: String
    let title: String
    let bars: [Bar]
    let height: Int
    let labelWidth = 230
    let barWidth = 320

    init(id: String, title: String, counts: [ProgrammeStatistics.Count]) {
        self.id = id
        self.title = title
        let largest = max(counts.map(\.count).max() ?? 0, 1)
        let rowHeight = 26
        bars = counts.enumerated().map { index, count in
            let width = count.count == 0 ? 0 : max(2, 320 * count.count / largest)
            return Bar(
                label: count.label, count: count.count, y: index * rowHeight + 4, textY: index * rowHeight + 19,
                width: width, countX: 230 + width + 6)
        }
        height = counts.count * rowHeight + 8
    }
}

/// The regions coloured by how many activities each has: five shades and a legend.
struct RegionChoropleth: Encodable {
    struct Area: Encodable {
        let name: String
        let path: String
        let fill: String
        let count: Int
        /// The programme filtered by the region, so a click on the map reads its activities.
        let href: String
        let linkLabel: String
    }

    struct Step: Encodable {
        let fill: String
        let label: String
    }

    let width: Double
    let height: Double
    let areas: [Area]
    let legend: [Step]

    /// Light to dark; the darkest meets 3:1 against white, as WCAG asks of graphics.
    static let shades = ["#eef6f3", "#b9ddd0", "#74bba3", "#2f8a6e", "#0b5a4a"]

    init(
        map: RegionMap, counts: [ProgrammeStatistics.Count], label: (Int, Int) -> String,
        link: (_ code: String, _ name: String, _ count: Int) -> (href: String, label: String)
    ) {
        width = map.width
        height = map.height
        let byCode = Dictionary(counts.map { ($0.key, $0.count) }, uniquingKeysWith: +)
        let largest = max(byCode.values.max() ?? 0, 1)
        // Upper bounds of the shades: 0, then four equal steps up to the largest count.
        let bounds = [0] + (1...4).map { Int((Double(largest) * Double($0) / 4).rounded(.up)) }
        func shade(_ count: Int) -> Int { bounds.firstIndex { count <= $0 } ?? 4 }
        areas = map.shapes.map { shape in
            let count = byCode[shape.code] ?? 0
            let target = link(shape.code, shape.name, count)
            return Area(
                name: shape.name, path: shape.path, fill: Self.shades[shade(count)], count: count, href: target.href,
                linkLabel: target.label)
        }
        legend = Self.shades.indices.map { index in
            Step(
                fill: Self.shades[index], label: index == 0 ? label(0, 0) : label(bounds[index - 1] + 1, bounds[index]))
        }
    }
}

extension ProgrammeStatistics {
    /// The edition's figures as this reader may see them: none before the release, unless a reviewer.
    static func of(_ programme: Programme, request: Request) async throws -> ProgrammeStatistics {
        let entries =
            ProgrammeLookup.showsActivities(programme, to: request)
            ? try await request.application.programmeIndexes.index(for: programme, request: request).entries : []
        return compute(
            entries, programme: programme, municipalities: request.application.municipalities, dates: request.dates,
            calendar: request.application.calendar, label: { request.t($0) })
    }
}
