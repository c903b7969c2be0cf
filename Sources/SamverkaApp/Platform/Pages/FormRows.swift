import Vapor

/// Repeatable rows in a form (see `FormField.Kind.rows`): each column arrives as a list, the
/// lists side by side make the rows. Reading skips rows left empty and numbers the rest as the
/// person sees them; drawing adds empty rows to fill in, more after "add rows".
enum FormRows {
    /// One column of a kind of row: its field name, label and input kind; a select's choices
    /// (an empty row shows the first).
    struct Column {
        let name: String
        let label: String
        var kind: FormField.Kind = .text
        var autocomplete: String?
        var list: String?
        var options: [FormField.Option] = []
    }

    /// The rows with anything in them, each with its number (from 1) and its trimmed cells.
    static func filled(_ columns: [[String]?]) -> [(row: Int, cells: [String])] {
        let count = columns.map { $0?.count ?? 0 }.max() ?? 0
        return (0..<count).compactMap { index in
            let cells = columns.map { column in
                column.flatMap { $0.indices.contains(index) ? $0[index] : nil }?.trimmingCharacters(in: .whitespaces)
                    ?? ""
            }
            return cells.allSatisfy(\.isEmpty) ? nil : (index + 1, cells)
        }
    }

    /// How many empty rows to offer: a few, more when the person asked for them.
    static func extra(_ request: Request) -> Int {
        request.wantsMoreRows ? 5 : 2
    }

    /// The form's rows: `values` (one list of cells per row), then empty ones.
    static func cells(_ columns: [Column], values: [[String]], extra: Int) -> [[FormField]] {
        (0..<(values.count + extra)).map { row in
            columns.enumerated().map { offset, column in
                let value = row < values.count && values[row].indices.contains(offset) ? values[row][offset] : ""
                let chosen = value.isEmpty ? column.options.first?.value : value
                return FormField(
                    column.name, label: column.label, kind: column.kind, value: value,
                    options: column.options.map {
                        FormField.Option(value: $0.value, label: $0.label, selected: $0.value == chosen)
                    },
                    autocomplete: column.autocomplete, id: "field-\(column.name)-\(row + 1)", list: column.list)
            }
        }
    }

    /// The rows field itself, with its cells and its "add rows" button.
    static func field(
        _ name: String, label: String, hint: String, error: String?, columns: [Column], values: [[String]],
        request: Request, suggestions: [FormField.Option] = []
    ) -> FormField {
        FormField(
            name, label: label, kind: .rows, error: error, hint: hint, options: suggestions,
            cells: cells(columns, values: values, extra: extra(request)), addLabel: request.t("action.add_rows"))
    }
}

extension Request {
    /// Whether the form was sent by its "add rows" button, to come back with more empty rows.
    var wantsMoreRows: Bool {
        method == .POST && (try? content.get(String.self, at: "moreRows")) != nil
    }
}
