import Vapor

/// The programme one day at a time, as a conference schedule reads: a tab for each day of the
/// edition with how many activities it holds under the chosen filters, then the day's
/// activities under the hour they start.
struct ProgrammeTimeline: Encodable {
    struct DayTab: Encodable {
        let label: String
        let count: Int
        let href: String
        let isCurrent: Bool
    }

    struct Slot: Encodable {
        let time: String
        let machine: String
        let activities: [ActivityCard]
    }

    let tabs: [DayTab]
    let heading: String?
    let slots: [Slot]

    /// `days` are the edition's days as (value, label); the shown day is the one the filter
    /// chose, or else the first day that has a match.
    init(
        index: ProgrammeIndex, matching: [Int], days: [(String, String)], dayCounts: [String: Int],
        filter: ProgrammeFilter, base: String, programme: Programme, request: Request
    ) {
        let chosen = filter.values[.day]?.first ?? days.first { (dayCounts[$0.0] ?? 0) > 0 }?.0
        let dates = request.dates
        tabs = days.map { value, label in
            DayTab(
                label: dates.parseDay(value).map(dates.weekdayAndDate) ?? label, count: dayCounts[value] ?? 0,
                href: base + filter.setting(.day, to: [value]).query(extra: [("view", "days")]),
                isCurrent: value == chosen)
        }
        heading = days.first { $0.0 == chosen }?.1
        let day = matching.lazy.map { index.entries[$0] }.filter { $0.day == chosen }
            .compactMap { entry in entry.startsAt.map { (start: $0, entry: entry) } }
        slots = day.runs { dates.time($0.start) }.map { time, started in
            Slot(
                time: time, machine: dates.machine(started[0].start),
                activities: started.map { ActivityCard($0.entry, programme: programme, request: request) })
        }
    }
}

/// Every matching activity on one printable page, by day: what a municipality pins on a notice
/// board or hands out at the door. Bounded, so a printout of a national week cannot become a
/// page the server spends seconds on.
struct ProgrammePrint: Encodable {
    struct Day: Encodable {
        let heading: String
        let activities: [ActivityCard]
    }

    static let limit = 1_000

    let days: [Day]
    /// Said when the filters select more than `limit`: narrow them to print the rest.
    let truncated: String?
    let printedAt: String

    init(index: ProgrammeIndex, matching: [Int], programme: Programme, request: Request) {
        let dates = request.dates
        days = matching.prefix(Self.limit).map { index.entries[$0] }.runs(by: \.day).map { day, entries in
            Day(
                heading: dates.parseDay(day).map(dates.longDate) ?? request.t("programme.no_time"),
                activities: entries.map { ActivityCard($0, programme: programme, request: request) })
        }
        truncated =
            matching.count > Self.limit
            ? request.t("programme.print_truncated", ["shown": "\(Self.limit)", "count": "\(matching.count)"]) : nil
        printedAt = request.t("programme.printed_at", ["date": dates.dateAndTime(request.now)])
    }
}
