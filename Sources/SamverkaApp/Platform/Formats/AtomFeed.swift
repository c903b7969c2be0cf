import Foundation
import Vapor

/// An Atom feed (RFC 4287) from plain entries: the capabilities say what is new (events,
/// projects, a programme's activities), this writes it for feed readers.
struct AtomFeed {
    struct Entry {
        /// The page's address, which is also the entry's permanent id.
        let url: String
        let title: String
        let summary: String
        let published: Date
        let updated: Date
        let author: String
        var categories: [String] = []
    }

    let id: String
    let title: String
    let pageURL: String
    let language: Language
    let author: String
    var entries: [Entry]
    /// The address the feed is served from, exactly as asked for; readers check that `rel="self"`
    /// says where they fetched it. The id stays the canonical address.
    var selfURL: String?

    var xml: String {
        let updated = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.rawValue)\">",
            "  <id>\(Self.text(id))</id>",
            "  <title>\(Self.text(title))</title>",
            "  <updated>\(Self.date(updated))</updated>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.text(selfURL ?? id))\"/>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.text(pageURL))\"/>",
            "  <author><name>\(Self.text(author))</name></author>",
            "  <generator>Samverka</generator>",
        ]
        for entry in entries {
            lines += [
                "  <entry>",
                "    <id>\(Self.text(entry.url))</id>",
                "    <title>\(Self.text(entry.title))</title>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.text(entry.url))\"/>",
                "    <published>\(Self.date(entry.published))</published>",
                "    <updated>\(Self.date(entry.updated))</updated>",
                "    <author><name>\(Self.text(entry.author))</name></author>",
            ]
            lines += entry.categories.map { "    <category term=\"\(Self.text($0))\"/>" }
            if !entry.summary.isEmpty {
                lines.append("    <summary type=\"text\">\(Self.text(entry.summary))</summary>")
            }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    func response() -> Response {
        let response = Response(status: .ok, body: .init(string: xml))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// Escaped for XML, without the control characters XML 1.0 does not allow.
    static func text(_ value: String) -> String {
        HTMLText.escape(
            String(value.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }))
    }

    /// RFC 3339 in UTC, "2026-11-23T01:29:34Z", with milliseconds when there are any
    /// ("2026-11-23T01:29:34.120Z"): items saved in the same second still tell readers which changed last.
    static func date(_ date: Date) -> String {
        let wholeSeconds = date.timeIntervalSince1970.rounded(.down)
        let milliseconds = Int(((date.timeIntervalSince1970 - wholeSeconds) * 1000).rounded(.down))
        let seconds = FormatterStore.shared.format(Date(timeIntervalSince1970: wholeSeconds), key: "rfc3339-utc") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
            return formatter
        }
        return seconds + (milliseconds > 0 ? String(format: ".%03d", milliseconds) : "") + "Z"
    }
}
