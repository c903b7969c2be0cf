import Foundation

/// A theme or target group of a programme edition, with its name in both languages.
/// Activities store the key; pages show the name in the reader's language.
struct ProgrammeTerm: Codable, Equatable, Sendable {
    var key: String
    var sv: String
    var en: String

    func name(_ language: Language) -> String { language == .sv ? sv : en }

    /// The programme index counts themes and target groups in 64-bit sets.
    static let limit = 64

    /// Edited one a line: `key | Svenskt namn | English name`; the English name may be left out.
    static func parse(_ text: String) -> Result<[ProgrammeTerm], LineLists.LineError> {
        var terms: [ProgrammeTerm] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !(parts.count == 1 && parts[0].isEmpty) else { continue }
            guard (2...3).contains(parts.count), Slug.isValid(parts[0]), !parts[1].isEmpty,
                  !terms.contains(where: { $0.key == parts[0] })
            else {
                return .failure(LineLists.LineError(line: index + 1, key: "error.lines.term"))
            }
            terms.append(ProgrammeTerm(key: parts[0], sv: parts[1], en: parts.count == 3 && !parts[2].isEmpty ? parts[2] : parts[1]))
        }
        return .success(terms)
    }

    static func text(_ terms: [ProgrammeTerm]) -> String {
        terms.map { "\($0.key) | \($0.sv) | \($0.en)" }.joined(separator: "\n")
    }
}
