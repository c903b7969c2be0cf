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
            for index in sv.indices {
                let swedish = sv[index].trimmingCharacters(in: .whitespaces)
                let english = en.indices.contains(index) ? en[index].trimmingCharacters(in: .whitespaces) : ""
                guard !swedish.isEmpty || !english.isEmpty else { continue }
                guard !swedish.isEmpty else { return .failure(RowWithoutName(row: index + 1)) }
                let given = key.indices.contains(index) ? key[index] : ""
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

        /// Rows for the form: those filled in, then empty ones to add more.
        func cells(_ prefix: String, request: Request, extra: Int) -> [[FormField]] {
            let filled = sv.indices.filter { !sv[$0].isEmpty || (en.indices.contains($0) && !en[$0].isEmpty) }
            return (0..<(filled.count + extra)).map { row in
                let index = row < filled.count ? filled[row] : nil
                func value(_ list: [String]) -> String { index.flatMap { list.indices.contains($0) ? list[$0] : nil } ?? "" }
                return [
                    FormField(prefix + "Key", label: "", kind: .hidden, value: value(key), id: "field-\(prefix)Key-\(row + 1)"),
                    FormField(prefix + "Sv", label: request.t("field.term_sv"), value: value(sv), id: "field-\(prefix)Sv-\(row + 1)"),
                    FormField(prefix + "En", label: request.t("field.term_en"), value: value(en), id: "field-\(prefix)En-\(row + 1)"),
                ]
            }
        }
    }

    struct RowWithoutName: Error {
        let row: Int
    }
}
