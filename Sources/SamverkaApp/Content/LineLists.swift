import Foundation

/// Links, contacts and partners are edited as text, one per line with `|` between the parts
/// ("Forum | https://forum.example.org"). Plain text keeps the forms usable without JavaScript.
enum LineLists {
    struct LineError: Error, Equatable {
        let line: Int
        let key: String
    }

    private static func rows(_ text: String) -> [(Int, [String])] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return nil }
            return (index + 1, trimmed.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// The non-empty lines, trimmed: lists of addresses such as event or organisation slugs.
    static func words(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func links(_ text: String) -> Result<[ContentLink], LineError> {
        var links: [ContentLink] = []
        for (number, parts) in rows(text) {
            guard parts.count == 2, !parts[0].isEmpty else { return .failure(LineError(line: number, key: "error.lines.link")) }
            guard SafeURL.isWebAddress(parts[1]) else { return .failure(LineError(line: number, key: "error.lines.url")) }
            links.append(ContentLink(title: parts[0], url: parts[1]))
        }
        return .success(links)
    }

    static func text(_ links: [ContentLink]) -> String {
        links.map { "\($0.title) | \($0.url)" }.joined(separator: "\n")
    }

    /// `Name | role | email | organisation | organisation link`; all but the name may be empty.
    static func contacts(_ text: String) -> Result<[ContactPerson], LineError> {
        var contacts: [ContactPerson] = []
        for (number, raw) in rows(text) {
            let parts = raw + Array(repeating: "", count: max(0, 5 - raw.count))
            guard raw.count <= 5, !parts[0].isEmpty else { return .failure(LineError(line: number, key: "error.lines.contact")) }
            if !parts[2].isEmpty && !EmailAddress.isValid(parts[2]) {
                return .failure(LineError(line: number, key: "error.lines.email"))
            }
            if !parts[4].isEmpty && !SafeURL.isWebAddress(parts[4]) {
                return .failure(LineError(line: number, key: "error.lines.url"))
            }
            contacts.append(ContactPerson(name: parts[0], role: parts[1], email: parts[2], organisation: parts[3], organisationURL: parts[4], image: ""))
        }
        return .success(contacts)
    }

    static func text(_ contacts: [ContactPerson]) -> String {
        contacts.map { [$0.name, $0.role, $0.email, $0.organisation, $0.organisationURL].joined(separator: " | ") }
            .joined(separator: "\n")
    }

    /// `Title | link | logo`; the logo may be empty.
    static func partners(_ text: String) -> Result<[Partner], LineError> {
        var partners: [Partner] = []
        for (number, raw) in rows(text) {
            let parts = raw + Array(repeating: "", count: max(0, 3 - raw.count))
            guard raw.count <= 3, !parts[0].isEmpty else { return .failure(LineError(line: number, key: "error.lines.partner")) }
            for address in [parts[1], parts[2]] where !address.isEmpty && !SafeURL.isWebAddress(address) {
                return .failure(LineError(line: number, key: "error.lines.url"))
            }
            partners.append(Partner(title: parts[0], url: parts[1], logo: parts[2]))
        }
        return .success(partners)
    }

    static func text(_ partners: [Partner]) -> String {
        partners.map { "\($0.title) | \($0.url) | \($0.logo)" }.joined(separator: "\n")
    }
}
