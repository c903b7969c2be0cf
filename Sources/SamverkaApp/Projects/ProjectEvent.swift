import Fluent
import Foundation

/// Links a project to an event it took part in.
final class ProjectEvent: Model, @unchecked Sendable {
    static let schema = "project_events"

    @ID var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Parent(key: "event_id") var event: Event

    init() {}
}
