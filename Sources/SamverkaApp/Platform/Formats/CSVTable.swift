import Vapor

/// A CSV file as RFC 4180 writes it, for spreadsheet users: UTF-8 with a byte-order mark,
/// CRLF line ends, quotes where needed, and no cell a spreadsheet would run as a formula. It
/// opens right in the reader's Excel: in Swedish with semicolons and Swedish column names, and
/// a coded value (a format, a sector) as the word a person reads, its code in its own column.
struct CSVTable {
    private var rows: [[String]]
    /// Swedish Excel reads semicolons (the comma is the Swedish decimal sign); others commas.
    let separator: String

    init(header: [String], language: Language) {
        rows = [header]
        separator = language == .sv ? ";" : ","
    }

    /// A table whose columns are named in the reader's language (`csv.KEY` in the catalogue).
    init(columns: [String], request: Request) {
        self.init(header: columns.map { request.t("csv.\($0)") }, language: request.language)
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    var text: String {
        "\u{FEFF}" + rows.map { $0.map(Self.cell).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
    }

    /// The file as a download named `filename`.csv.
    func response(filename: String, cache: String = "public, max-age=300") -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "csv", parameters: ["charset": "utf-8", "header": "present"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename).csv\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: cache)
        return response
    }

    /// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return could run as a
    /// formula when opened (CSV injection); a leading apostrophe makes it text.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
                || text != text.trimmingCharacters(in: .whitespaces)
        else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
