import Foundation
import Vapor

/// The random secrets Samverka hands out (form tokens, session cookies, personal links, account
/// links) and the hash it keeps of those it must not store as they are.
enum Secrets {
    /// `count` random bytes as URL-safe base64 without padding: fit for a path, a form or a cookie.
    static func urlSafe(bytes count: Int) -> String {
        [UInt8].random(count: count).base64
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether two secrets are equal, in a time that tells nothing of where they differ.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// SHA-256 of `text`, as lower-case hex.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
