import Foundation

/// Where mail goes: `smtp://user:password@host:587` (STARTTLS when the server offers it) or
/// `smtps://…:465` (TLS from the first byte). User and password are optional.
struct SMTPServer: Sendable, Equatable {
    let host: String
    let port: Int
    let implicitTLS: Bool
    let username: String?
    let password: String?

    init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty
        else { return nil }
        self.host = host
        implicitTLS = scheme == "smtps"
        port = components.port ?? (implicitTLS ? 465 : 587)
        username = components.user.flatMap { $0.removingPercentEncoding ?? $0 }
        password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
    }
}
