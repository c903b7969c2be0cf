import Fluent
import Vapor

/// An address of an older site that now lives elsewhere in Samverka, answered with 301.
/// It points at the content, not at a path, so the redirect follows a later change of slug.
final class LegacyRedirect: Model, @unchecked Sendable {
    static let schema = "legacy_redirects"

    enum Target: String, Codable, Sendable {
        case event, project, group
    }

    @ID var id: UUID?
    /// Normalised: a leading slash, no trailing slash, no query.
    @Field(key: "path") var path: String
    @Field(key: "target_kind") var targetKind: Target
    @Field(key: "target_id") var targetID: UUID

    init() {}

    init(path: String, target: Target, id: UUID) {
        self.path = Self.normalise(path)
        targetKind = target
        targetID = id
    }

    static func normalise(_ path: String) -> String {
        var trimmed = path.trimmingCharacters(in: .whitespaces)
        if let query = trimmed.firstIndex(of: "?") { trimmed = String(trimmed[..<query]) }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        if !trimmed.hasPrefix("/") { trimmed = "/" + trimmed }
        return trimmed.removingPercentEncoding ?? trimmed
    }
}
