import Foundation
import Vapor

/// A theme or target group of a programme edition, with its name in both languages.
/// Activities store the key; pages show the name in the reader's language.
struct ProgrammeTerm: Codable, Equatable, Sendable {
    var key: String
    var sv: String
    var en: String

    func name(_ language: Language) -> String { language == .sv ? sv : en }

    /// The programme index counts themes and target groups in 64-bit sets.
    static let limit = 64

    /// The terms as a form sends their rows: each row's key (kept, so activities that use it
    /// keep it when a name changes; empty for a new row), Swedish and English name. A row with
    /// both names emptied is gone; a new row's key is made from its Swedish name.
    struct Rows: Sendable {
        var key: [String]
        var sv: [String]
        var en: [String]

        init(key: [String] = [], sv: [String] = [], en: [String] = []) {
            (self.key, self.sv, self.en) = (key, sv, en)
        }

        /// The terms, or the number of the first row with an English name but no Swedish one.
        func terms() -> Result<[ProgrammeTerm], RowWithoutName> {
            var terms: [ProgrammeTerm] = []
            for (row, cells) in FormRows.filled([sv, en]) {
                let (swedish, english) = (cells[0], cells[1])
                guard !swedish.isEmpty else { return .failure(RowWithoutName(row: row)) }
                let given = key(of: row)
                var stem = Slug.isValid(given) ? given : Slug.make(from: swedish)
                if stem.isEmpty { stem = "term" }
                var candidate = stem
                var number = 1
                while terms.contains(where: { $0.key == candidate }) {
                    number += 1
                    candidate = stem + "-\(number)"
                }
                terms.append(ProgrammeTerm(key: candidate, sv: swedish, en: english.isEmpty ? swedish : english))
            }
            return .success(terms)
        }

        /// Rows for the form: those filled in, each with its kept key hidden, then empty ones.
        func cells(_ prefix: String, request: Request, extra: Int) -> [[FormField]] {
            FormRows.cells(
                [
                    FormRows.Column(name: prefix + "Key", label: "", kind: .hidden),
                    FormRows.Column(name: prefix + "Sv", label: request.t("field.term_sv")),
                    FormRows.Column(name: prefix + "En", label: request.t("field.term_en")),
                ], values: FormRows.filled([sv, en]).map { row, cells in [key(of: row)] + cells }, extra: extra)
        }

        /// The key sent with row `row` (counted from 1), empty for a new row.
        private func key(of row: Int) -> String {
            key.indices.contains(row - 1) ? key[row - 1] : ""
        }
    }

    struct RowWithoutName: Error {
        let row: Int
    }
}
