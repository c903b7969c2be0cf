import Fluent
import Foundation
import Testing

@testable import SamverkaApp

/// The link in the newest mail of a kind to an address, as a path on the site, the way the
/// person would follow it.
enum MailedLink {
    static func latest(to address: String, kind: String, on database: any Database) async throws -> String {
        let mail = try #require(
            try await OutgoingMail.query(on: database).filter(\.$toAddress == address).filter(\.$kind == kind)
                .sort(\.$createdAt, .descending).first(), "no \(kind) mail to \(address)")
        let text = mail.message.text
        let base = "http://127.0.0.1:8080"
        let start = try #require(text.range(of: base), "no link in the \(kind) mail")
        let rest = text[start.upperBound...]
        return String(rest.prefix { !$0.isWhitespace })
    }
}
