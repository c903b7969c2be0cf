import Foundation

/// A GET filter drawn as a labelled select. Its options are written here, escaped, as one
/// HTML string: a programme filter can have hundreds.
struct FilterSelect: Encodable {
    let name: String
    let label: String
    let optionsHTML: String

    init(name: String, label: String, options: [FormField.Option]) {
        self.name = name
        self.label = label
        var html = ""
        html.reserveCapacity(options.count * 48)
        for option in options {
            html +=
                "<option value=\"" + HTMLText.escape(option.value) + "\"" + (option.selected ? " selected" : "") + ">"
                + HTMLText.escape(option.label) + "</option>"
        }
        optionsHTML = html
    }
}
