import Foundation

extension MailMessage {
    /// A message of paragraphs: the plain text, and the same as simple HTML.
    init(to: String, toName: String, subject: String, paragraphs: [String], language: Language) {
        self.init(
            to: to, toName: toName, subject: subject, text: paragraphs.joined(separator: "\n\n") + "\n",
            html: Self.html(paragraphs, language: language))
    }

    /// A message written from the catalogue: `key.subject`, the paragraphs of `key.body` and
    /// the site's signature, in `language`.
    init(
        writing key: String, values: [String: String], language: Language, catalogue: Catalogue, to: String,
        toName: String
    ) {
        self.init(
            to: to, toName: toName, subject: catalogue.text(key + ".subject", language, values),
            paragraphs: catalogue.paragraphs(key + ".body", language, values) + [catalogue.signature(language, values)],
            language: language)
    }

    /// Paragraphs as simple HTML; every piece of text is escaped and addresses become links.
    /// Lines are linked one by one, so an address at the end of a line ends there.
    static func html(_ paragraphs: [String], language: Language) -> String {
        let body = paragraphs.map { paragraph in
            "<p>"
                + paragraph.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(linked).joined(
                    separator: "<br>\n") + "</p>"
        }.joined(separator: "\n")
        return
            "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title></title></head><body>\n"
            + body + "\n</body></html>\n"
    }

    /// One line with each web address as a link; a full stop or bracket after it stays text.
    private static func linked(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.hasPrefix("https://") || word.hasPrefix("http://") else { return HTMLText.escape(String(word)) }
            let trailing = word.reversed().prefix { ".,;:!?)»”".contains($0) }.count
            let address = HTMLText.escape(String(word.dropLast(trailing)))
            return "<a href=\"\(address)\">\(address)</a>" + HTMLText.escape(String(word.suffix(trailing)))
        }.joined(separator: " ")
    }
}

extension Catalogue {
    /// A mail text's paragraphs: the catalogue separates them with a blank line.
    func paragraphs(_ key: String, _ language: Language, _ values: [String: String]) -> [String] {
        text(key, language, values).components(separatedBy: "\n\n")
    }

    /// How every message Samverka writes ends.
    func signature(_ language: Language, _ values: [String: String]) -> String {
        text("mail.signature", language, values)
    }
}
