import Foundation
import Vapor

/// Decides which addresses from content may become an `href` or `src`.
///
/// Only web and mail addresses and the site's own paths pass; `javascript:`, `data:` and anything
/// else an imported file or a form might carry is dropped, so the link shows as plain text.
enum SafeURL {
    static func href(_ raw: String?) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        if text.hasPrefix("/") && !text.hasPrefix("//") { return text }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return nil
        }
        switch scheme {
        case "http", "https":
            return components.host?.isEmpty == false ? text : nil
        case "mailto":
            return text
        default:
            return nil
        }
    }

    /// Whether an address someone typed into a form is acceptable as a web link.
    static func isWebAddress(_ text: String) -> Bool {
        guard let href = href(text) else { return false }
        return href.hasPrefix("http://") || href.hasPrefix("https://") || href.hasPrefix("/")
    }

    /// A `mailto:` link for an email address, or none when it does not look like one.
    static func mailto(_ email: String) -> String? {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard EmailAddress.isValid(trimmed) else { return nil }
        return "mailto:" + trimmed
    }
}

enum EmailAddress {
    /// A pragmatic check: one `@`, something before it, a dotted domain after it, no spaces.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return false }
        return text.count <= 254
    }
}

extension FieldErrors {
    /// A required email field: filled in, and an address.
    mutating func checkEmail(_ field: String, _ text: String, _ request: Request) {
        if text.isEmpty {
            add(field, request.t("error.required"))
        } else if !EmailAddress.isValid(text) {
            add(field, request.t("error.email"))
        }
    }
}
