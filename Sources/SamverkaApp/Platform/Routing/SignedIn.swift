import Foundation
import Vapor

/// The signed-in person as the platform needs them: to guard routes, to key rate limits and
/// caches, to pick the language and to draw the header. The accounts capability says who that
/// is (`Application.signedIn`, set when the app is configured); nothing in the platform knows
/// what a member is made of.
struct SignedIn: Sendable {
    let id: UUID
    let name: String
    /// The language they chose, a `Language` raw value.
    let language: String
    let role: Role
}

extension Application {
    private struct SignedInKey: StorageKey { typealias Value = @Sendable (Request) -> SignedIn? }

    /// How to read the signed-in person from a request; none until a capability provides it.
    var signedIn: @Sendable (Request) -> SignedIn? {
        get { storage[SignedInKey.self] ?? { _ in nil } }
        set { storage[SignedInKey.self] = newValue }
    }
}

extension Request {
    /// The signed-in person, if any.
    var signedIn: SignedIn? { application.signedIn(self) }
}
