import Foundation

/// Reads a form out of a rendered page and gives back the fields a browser would submit if the
/// person pressed the button without changing anything: checked boxes only, the selected
/// options, and every textarea's text with CRLF line ends (HTML's form encoding demands them,
/// and every browser sends them).
enum FormReader {
    struct FormMissing: Error, CustomStringConvertible {
        let action: String
        var description: String { "no <form> with action=\"\(action)\" on the page" }
    }

    static func fields(of html: String, action: String) throws -> [(String, String)] {
        guard
            let start = html.range(
                of: #"<form[^>]*action="\#(NSRegularExpression.escapedPattern(for: action))""#,
                options: .regularExpression),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else { throw FormMissing(action: action) }
        let form = String(html[start.lowerBound..<end.upperBound])
        var fields: [(String, String)] = []
        for tag in matches(#"<input\b[^>]*>"#, in: form) {
            let attributes = attributes(of: tag)
            guard let name = attributes["name"] else { continue }
            let type = attributes["type"] ?? "text"
            if ["submit", "button", "file", "image", "reset"].contains(type) { continue }
            if ["checkbox", "radio"].contains(type) && attributes["checked"] == nil { continue }
            fields.append((name, attributes["value"] ?? (type == "checkbox" ? "on" : "")))
        }
        for match in matches(#"<textarea\b[^>]*>[\s\S]*?</textarea>"#, in: form) {
            guard let open = match.range(of: ">"), let name = attributes(of: String(match[..<open.upperBound]))["name"]
            else { continue }
            var text = String(match[open.upperBound...].dropLast("</textarea>".count))
            // HTML drops one newline straight after the opening tag.
            if text.hasPrefix("\n") { text.removeFirst() }
            let lines = unescape(text).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            fields.append((name, lines.joined(separator: "\r\n")))
        }
        for match in matches(#"<select\b[^>]*>[\s\S]*?</select>"#, in: form) {
            guard let open = match.range(of: ">") else { continue }
            let select = attributes(of: String(match[..<open.upperBound]))
            guard let name = select["name"] else { continue }
            let options = matches(#"<option\b[^>]*>"#, in: String(match)).map(attributes(of:))
            let chosen = options.filter { $0["selected"] != nil }
            for option in chosen.isEmpty && select["multiple"] == nil ? Array(options.prefix(1)) : chosen {
                fields.append((name, option["value"] ?? ""))
            }
        }
        return fields
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    private static func attributes(of tag: String) -> [String: String] {
        var attributes: [String: String] = [:]
        guard let expression = try? NSRegularExpression(pattern: #"\s([a-zA-Z_:][-a-zA-Z0-9_:.\[\]]*)(?:="([^"]*)")?"#)
        else { return [:] }
        for match in expression.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
            guard let name = Range(match.range(at: 1), in: tag).map({ String(tag[$0]) }) else { continue }
            attributes[name] = Range(match.range(at: 2), in: tag).map { unescape(String(tag[$0])) } ?? ""
        }
        return attributes
    }

    static func unescape(_ text: String) -> String {
        var result = text
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&#34;", "\""),
        ] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}
