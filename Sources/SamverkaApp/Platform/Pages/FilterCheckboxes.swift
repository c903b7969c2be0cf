import Vapor

/// A filter's options as ticked boxes in a fieldset that folds ("Region (2 valda)"), built
/// as one string like `FilterSelect`: the programme page renders hundreds of them.
struct FilterCheckboxes: Encodable {
    let name: String
    let label: String
    let chosenSummary: String?
    let isOpen: Bool
    let optionsHTML: String

    init(
        name: String, label: String, chosenCount: Int, options: [(value: String, label: String, checked: Bool)],
        request: Request
    ) {
        self.name = name
        self.label = label
        chosenSummary =
            chosenCount == 0 ? nil : request.t("filter.chosen", count: chosenCount, ["count": "\(chosenCount)"])
        isOpen = chosenCount > 0
        var html = ""
        html.reserveCapacity(options.count * 120)
        for (position, option) in options.enumerated() {
            let id = "filter-\(name)-\(position)"
            html +=
                "<li><input type=\"checkbox\" id=\"" + id + "\" name=\"" + HTMLText.escape(name) + "\" value=\""
                + HTMLText.escape(option.value) + "\""
                + (option.checked ? " checked" : "") + "><label for=\"" + id + "\">" + HTMLText.escape(option.label)
                + "</label></li>"
        }
        optionsHTML = html
    }
}
