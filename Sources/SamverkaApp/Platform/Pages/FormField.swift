import Vapor

/// One field of a form as the shared form template draws it: label, input, hint, and the error
/// message beside it with the value the person typed kept.
struct FormField: Encodable {
    enum Kind: String, Encodable {
        case text, email, password, url, textarea, select, datetime, date, number, checkbox, checkboxes, hidden, file
        /// Repeatable rows of small fields (a partner and its role, a link and its title): each
        /// cell is named `name[]`, so the rows arrive as parallel lists in their order.
        case rows
    }

    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let name: String
    let label: String
    let kind: Kind
    let value: String
    let error: String?
    let hint: String?
    let required: Bool
    let options: [Option]
    let autocomplete: String?
    let rows: Int
    /// The element's id: `field-NAME`, or for a cell of a row `field-NAME-ROW`.
    let id: String
    /// For `.rows`: the rows, each a list of cells (text or select fields), and the label of the
    /// button that adds rows (a submit without JavaScript, a new row at once with it).
    let cells: [[FormField]]
    let addLabel: String?
    /// For a text cell: the id of the `<datalist>` that suggests values as one types; the rows
    /// field carries the suggestions in `options`.
    let list: String?

    init(
        _ name: String, label: String, kind: Kind = .text, value: String = "", error: String? = nil,
        hint: String? = nil, required: Bool = false, options: [Option] = [], autocomplete: String? = nil,
        rows: Int = 4, id: String? = nil, cells: [[FormField]] = [], addLabel: String? = nil, list: String? = nil
    ) {
        self.id = id ?? "field-" + name
        self.cells = cells
        self.addLabel = addLabel
        self.list = list
        self.name = name
        self.label = label
        self.kind = kind
        self.value = value
        self.error = error
        self.hint = hint
        self.required = required
        self.options = options
        self.autocomplete = autocomplete
        self.rows = rows
    }
}

/// Messages for fields that failed validation, keyed by field name, already in the user's language.
struct FieldErrors {
    private(set) var messages: [String: String] = [:]
    /// The order fields failed in, for the summary at the top of the form.
    private(set) var order: [String] = []

    var isEmpty: Bool { messages.isEmpty }

    subscript(field: String) -> String? { messages[field] }

    mutating func add(_ field: String, _ message: String) {
        guard messages[field] == nil else { return }
        messages[field] = message
        order.append(field)
    }

    /// The summary list: each error with a link to its field.
    func summary(labels: [String: String]) -> [ErrorSummaryItem] {
        order.compactMap { field in
            messages[field].map {
                ErrorSummaryItem(field: field, message: (labels[field].map { $0 + ": " } ?? "") + $0)
            }
        }
    }
}

struct ErrorSummaryItem: Encodable {
    let field: String
    let message: String
}

/// A submit button; a form may offer more than one ("Save draft", "Submit for review").
struct FormAction: Encodable {
    let label: String
    let name: String?
    let value: String?
    let primary: Bool
}

/// A whole form as the template `Shared/form` draws it.
struct FormContext: Encodable {
    let action: String
    let submitLabel: String
    let actions: [FormAction]
    let csrf: String
    let fields: [FormField]
    let errors: [ErrorSummaryItem]
    /// Whether the form sends a file, and so must be sent as multipart/form-data.
    let multipart: Bool
    /// Whether it has repeatable rows, which a small script lets people add without a reload.
    /// Such a form begins with an unseen copy of its main button: Enter in a field presses the
    /// first button of a form, which would otherwise be the rows' "add rows".
    let hasRows: Bool

    init(
        action: String, submitLabel: String, csrf: String, fields: [FormField], errors: FieldErrors,
        actions: [FormAction]? = nil
    ) {
        self.action = action
        self.submitLabel = submitLabel
        self.actions = actions ?? [FormAction(label: submitLabel, name: nil, value: nil, primary: true)]
        self.csrf = csrf
        self.fields = fields
        let labels = Dictionary(fields.map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first })
        self.errors = errors.summary(labels: labels)
        multipart = fields.contains { $0.kind == .file }
        hasRows = fields.contains { $0.kind == .rows }
    }
}
