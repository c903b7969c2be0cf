import Fluent
import Vapor

/// The choice of local group in event and project forms, stored by slug.
enum LocalGroupOptions {
    static func options(_ request: Request, selected: String?) async throws -> [FormField.Option] {
        let groups = try await LocalGroup.query(on: request.db).sort(\.$title).all()
        return [FormField.Option(value: "", label: request.t("option.none"), selected: (selected ?? "").isEmpty)]
            + groups.map {
                FormField.Option(
                    value: $0.slug, label: "\($0.title) (\($0.language.rawValue))", selected: $0.slug == selected)
            }
    }

    /// The group a form names, or an error message key when the slug matches none.
    static func resolve(_ slug: String?, on database: any Database) async throws -> Result<UUID?, FieldProblem> {
        let trimmed = (slug ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .success(nil) }
        guard let group = try await LocalGroup.find(slug: trimmed, on: database) else {
            return .failure(FieldProblem(key: "error.choose_one"))
        }
        return .success(group.id)
    }
}

/// A validation problem as a catalogue key, translated where the request is at hand.
struct FieldProblem: Error {
    let key: String
}
