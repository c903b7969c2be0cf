import Foundation

/// A message as Samverka writes it: plain text and HTML in the reader's language, perhaps with
/// attachments (a calendar invitation). `mime(from:date:)` gives the RFC 5322 text to send.
struct MailMessage: Codable, Sendable, Equatable {
    struct Attachment: Codable, Sendable, Equatable {
        let filename: String
        let contentType: String
        let content: String
    }

    var to: String
    var toName: String
    var subject: String
    var text: String
    var html: String
    var attachments: [Attachment] = []

    /// The full message; `id` makes the Message-ID, so a resend is recognisably the same message.
    func mime(from sender: String, date: Date, id: String) -> String {
        let boundary = "samverka-" + id.replacingOccurrences(of: "-", with: "").lowercased()
        var lines = [
            "From: " + sender,
            "To: " + Self.address(name: toName, email: to),
            "Subject: " + Self.encodedWord(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(id)@\(sender.split(separator: "@").last.map(String.init)?.trimmingCharacters(in: CharacterSet(charactersIn: ">")) ?? "samverka")>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)-alt\"",
            "",
            "--\(boundary)-alt",
        ]
        lines += Self.part(contentType: "text/plain; charset=utf-8", body: text)
        lines.append("--\(boundary)-alt")
        lines += Self.part(contentType: "text/html; charset=utf-8", body: html)
        lines.append("--\(boundary)-alt--")
        for attachment in attachments {
            lines.append("--\(boundary)")
            lines += Self.part(
                contentType: attachment.contentType,
                disposition:
                    "attachment; filename=\"\(attachment.filename.filter { $0 != "\"" && $0 != "\r" && $0 != "\n" })\"",
                body: attachment.content
            )
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func part(contentType: String, disposition: String? = nil, body: String) -> [String] {
        var lines = ["Content-Type: " + contentType, "Content-Transfer-Encoding: base64"]
        if let disposition { lines.append("Content-Disposition: " + disposition) }
        lines.append("")
        let encoded = Data(body.utf8).base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }

    /// Header text outside ASCII, or with line breaks someone typed into a name, made safe
    /// (RFC 2047): header injection is impossible because nothing raw reaches the header.
    static func encodedWord(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if flat.allSatisfy({ $0.isASCII && !$0.isNewline }) && !flat.contains("=?") { return flat }
        return "=?UTF-8?B?" + Data(flat.utf8).base64EncodedString() + "?="
    }

    /// The bare address in `Name <address>` (or the text itself when it has no brackets).
    static func address(in text: String) -> String {
        text.split(separator: "<").last.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "> ")) }
            ?? text
    }

    static func address(name: String, email: String) -> String {
        let cleanEmail = email.filter { !$0.isNewline && $0 != "<" && $0 != ">" && $0 != "," }
        return name.isEmpty
            ? "<\(cleanEmail)>" : encodedWord(name.replacingOccurrences(of: "\"", with: "")) + " <\(cleanEmail)>"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
