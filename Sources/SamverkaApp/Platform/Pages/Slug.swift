import Foundation

/// The URL names of content: lower-case letters, digits and single hyphens.
enum Slug {
    static let maximumLength = 120

    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= maximumLength, !text.hasPrefix("-"), !text.hasSuffix("-"),
            !text.contains("--")
        else { return false }
        return text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Makes a slug from a title: "Fika på Goto 10!" becomes "fika-pa-goto-10".
    static func make(from title: String) -> String {
        let folded = title.folding(
            options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "sv_SE")
        )
        .lowercased()
        var slug = ""
        for character in folded {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(maximumLength))
    }
}
