import Fluent
import Foundation

/// Links an event to an organisation that organises or takes part in it.
final class EventOrganisation: Model, @unchecked Sendable {
    static let schema = "event_organisations"

    @ID var id: UUID?
    @Parent(key: "event_id") var event: Event
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}
}
