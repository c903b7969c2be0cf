import Fluent
import Vapor

/// Events as people name them in a form: "Title (6 juli 2021, svenska)" as the suggestions
/// write them (a translation has the same title and day), a title that only one event has, or
/// the name in the event's address.
enum EventNames {
    struct Unknown: Error {
        let row: Int
        let name: String
    }

    static func display(_ event: Event, request: Request) -> String {
        event.title + " (" + request.dates.date(event.startsAt) + ", "
            + request.t("language.\(event.language.rawValue)").lowercased() + ")"
    }

    static func resolve(
        _ names: [String]?, request: Request, on database: any Database
    ) async throws -> Result<[Event], Unknown> {
        let rows = FormRows.filled([names])
        guard !rows.isEmpty else { return .success([]) }
        let all = try await Event.query(on: database).all()
        var found: [Event] = []
        for (row, cells) in rows {
            let name = cells[0]
            let folded = name.lowercased()
            let titled = all.filter { $0.title.lowercased() == folded }
            guard
                let event = all.first(where: { $0.slug == name }) ?? all.first(where: {
                    display($0, request: request) == name
                })
                    ?? (titled.count == 1 ? titled.first : nil)
            else { return .failure(Unknown(row: row, name: name)) }
            found.append(event)
        }
        return .success(found)
    }

    /// Every event as a suggestion, newest first.
    static func suggestions(_ request: Request) async throws -> [FormField.Option] {
        try await Event.query(on: request.db).sort(\.$startsAt, .descending).all()
            .map { FormField.Option(value: display($0, request: request), label: "", selected: false) }
    }
}
