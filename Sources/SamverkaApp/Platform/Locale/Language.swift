import Foundation

/// The two languages of the interface and of content.
public enum Language: String, Codable, CaseIterable, Sendable {
    case sv, en

    /// The other language, for the switcher and translation partners.
    var other: Language { self == .sv ? .en : .sv }

    var locale: Locale { Locale(identifier: self == .sv ? "sv_SE" : "en_GB") }

    /// Picks the first supported language from an `Accept-Language` header.
    static func preferred(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            let quality =
                pieces.dropFirst().first { $0.hasPrefix("q=") }
                .flatMap { Double($0.dropFirst(2)) } ?? 1
            return (tag, quality)
        }
        for (tag, _) in ranked.sorted(by: { $0.1 > $1.1 }) {
            let primary = String(tag.prefix { $0 != "-" })
            if let language = Language(rawValue: primary) { return language }
        }
        return nil
    }
}
