import Foundation
import Vapor

/// Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226): the six-digit codes an
/// authenticator app shows, from a secret shared once, with swift-crypto's HMAC-SHA1.
enum TOTP {
    static let digits = 6
    static let step: TimeInterval = 30
    /// A code from the step before or after is still taken: phones' clocks drift.
    static let window = 1

    /// A new secret of 160 bits, as base32 text for the app.
    static func newSecret() -> String {
        Base32.encode([UInt8].random(count: 20))
    }

    static func timeStep(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / step).rounded(.down))
    }

    static func code(secret: [UInt8], step counter: Int64) -> String {
        var big = UInt64(bitPattern: counter).bigEndian
        let message = withUnsafeBytes(of: &big) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value =
            (UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
                | UInt32(mac[offset + 3]))
            % 1_000_000
        return String(format: "%06u", value)
    }

    /// The time step whose code `given` is, within the window and after `usedUpTo` (so a code
    /// is taken once), or nil.
    static func matchingStep(_ given: String, secret base32: String, at date: Date, after usedUpTo: Int64) -> Int64? {
        let typed = given.filter(\.isNumber)
        guard typed.count == digits, let secret = Base32.decode(base32) else { return nil }
        let now = timeStep(date)
        for counter in (now - Int64(window))...(now + Int64(window)) where counter > usedUpTo {
            if code(secret: secret, step: counter) == typed { return counter }
        }
        return nil
    }

    /// The address an authenticator app reads (as a link or typed in by its key).
    static func provisioningURI(secret: String, account: String, issuer: String) -> String {
        func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        }
        return
            "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(secret)&issuer=\(encode(issuer))&digits=\(digits)&period=\(Int(step))"
    }
}

/// RFC 4648 base32, without padding, as authenticator apps expect keys.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func encode(_ bytes: [UInt8]) -> String {
        var result = "", buffer = 0, bits = 0
        for byte in bytes {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                result.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { result.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return result
    }

    static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = [], buffer = 0, bits = 0
        for character in text.uppercased() where character != "=" && character != " " {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return bytes
    }
}
