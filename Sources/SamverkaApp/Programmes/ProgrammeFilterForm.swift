import Vapor

/// The programme's filter panel: one "Filter (3)" control that folds on a phone, a select for
/// each dimension that takes one value (day, format, language, sector) and a group of ticked
/// boxes for each that takes several (region, municipality, theme, target group). Every option
/// says how many activities it would show; every choice can be taken away with one link.
struct ProgrammeFilterForm: Encodable {
    /// "Filter (3)". The panel is folded as sent, so on a phone the activities come first; a
    /// script opens it on wide screens.
    let summary: String
    let query: String
    let selects: [FilterSelect]
    let groups: [FilterCheckboxes]
    let clearHref: String?
    /// A link for each chosen value that takes just that one away: shown beside the folded
    /// panel, and offered as the way out when nothing matches.
    let removals: [LinkView]
    let nothingMatches: Bool
    /// What is chosen, in words ("Län: Skåne län"), for the printed programme's heading.
    let chosen: [String]

    /// A dimension with its label and every option as (value, name).
    struct Choice {
        let dimension: ProgrammeFilter.Dimension
        let label: String
        let options: [(String, String)]
    }

    static func choices(
        _ programme: Programme, filter: ProgrammeFilter, index: ProgrammeIndex?, request: Request
    ) -> [Choice] {
        ProgrammeFilter.Dimension.allCases.map { dimension in
            Choice(
                dimension: dimension, label: request.t(dimension.labelKey),
                options: dimension.options(programme, filter: filter, index: index, request: request))
        }
    }

    init(
        choices: [Choice], filter: ProgrammeFilter, counts: [[String: Int]], nothingMatches: Bool, base: String,
        view: [(String, String)], request: Request
    ) {
        summary =
            filter.choiceCount == 0
            ? request.t("filter.summary") : request.t("filter.summary_count", ["count": "\(filter.choiceCount)"])
        query = filter.text
        selects = choices.filter { !$0.dimension.takesSeveral }.map { choice in
            let chosen = filter.values[choice.dimension]?.first
            return FilterSelect(
                name: choice.dimension.rawValue, label: choice.label,
                options: [FormField.Option(value: "", label: request.t("filter.any"), selected: chosen == nil)]
                    + choice.options.map { value, name in
                        FormField.Option(
                            value: value, label: "\(name) (\(counts[choice.dimension.ordinal][value] ?? 0))",
                            selected: value == chosen)
                    }
            )
        }
        groups = choices.filter { $0.dimension.takesSeveral && !$0.options.isEmpty }.map { choice in
            let chosen = Set(filter.values[choice.dimension] ?? [])
            return FilterCheckboxes(
                name: choice.dimension.rawValue, label: choice.label, chosenCount: chosen.count,
                options: choice.options.map { value, name in
                    (value, "\(name) (\(counts[choice.dimension.ordinal][value] ?? 0))", chosen.contains(value))
                }, request: request)
        }
        clearHref = filter.isEmpty ? nil : base + ProgrammeFilter().query(extra: view)
        var removals: [LinkView] = []
        var chosen: [String] = []
        // In the timeline the day is where the reader is, not a filter to take away.
        for choice in choices where !(choice.dimension == .day && view.contains { $0 == ("view", "days") }) {
            for value in filter.values[choice.dimension] ?? [] {
                let name = choice.options.first { $0.0 == value }?.1 ?? value
                chosen.append(choice.label + ": " + name)
                removals.append(
                    LinkView(
                        title: request.t("programme.remove_filter", ["filter": choice.label + ": " + name]),
                        href: base + filter.removing(value, from: choice.dimension).query(extra: view)))
            }
        }
        if !filter.text.isEmpty {
            removals.append(
                LinkView(
                    title: request.t("programme.remove_search", ["text": filter.text]),
                    href: base + ProgrammeFilter(values: filter.values).query(extra: view)))
        }
        self.removals = removals
        self.chosen = chosen + (filter.text.isEmpty ? [] : [request.t("programme.search") + ": " + filter.text])
        // With nothing to take away (only the timeline's day), the day itself is just empty.
        self.nothingMatches = nothingMatches && !removals.isEmpty
    }
}
