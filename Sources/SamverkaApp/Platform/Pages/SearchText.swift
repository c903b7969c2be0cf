import Vapor

/// The free text of a search box, bounded before it reaches a query: a pasted page or a
/// thousand words costs no more than an ordinary search, and can never grow a database
/// expression past what the engine accepts.
enum SearchText {
    /// The search fields say so too (`maxlength`), so a person never loses text unawares.
    static let maximumLength = 100
    static let maximumWords = 8

    /// `?q=` (or `key`), trimmed, at most `maximumWords` words and `maximumLength` characters.
    static func from(_ request: Request, key: String = "q") -> String {
        bounded((try? request.query.get(String.self, at: key)) ?? "")
    }

    static func bounded(_ raw: String) -> String {
        let words = raw.prefix(maximumLength * 4).split(whereSeparator: { $0.isWhitespace || $0.isNewline }).prefix(
            maximumWords)
        return String(words.joined(separator: " ").prefix(maximumLength))
    }

    /// Lower case without accents ("Malmö" → "malmo", "Café" → "cafe"): stored beside the text
    /// and applied to the search, so a visitor without Swedish letters on the keyboard finds
    /// what they look for.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The text followed by its folded form where that differs, for a search column.
    static func searchable(_ text: String) -> String {
        let folded = folded(text)
        return folded == text.lowercased() ? text : text + "\n" + folded
    }
}
