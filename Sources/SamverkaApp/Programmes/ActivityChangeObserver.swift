import Fluent
import Vapor

/// A capability that keeps something of its own in step with an activity (registration keeps
/// its settings saying what the activity says about signing up) hears of each saved change
/// here, so Programmes need not know it.
protocol ActivityChangeObserver: Sendable {
    /// After the activity's form saved it, or review approved its change; inside that change's
    /// transaction, so throwing undoes the change.
    func activitySaved(_ activity: Activity, programme: Programme, on database: any Database) async throws
}

extension Application {
    private struct ActivityChangeObserversKey: StorageKey {
        typealias Value = [any ActivityChangeObserver]
    }

    /// The observers, told in the order they were added.
    var activityObservers: [any ActivityChangeObserver] {
        get { storage[ActivityChangeObserversKey.self] ?? [] }
        set { storage[ActivityChangeObserversKey.self] = newValue }
    }

    func activitySaved(_ activity: Activity, programme: Programme, on database: any Database) async throws {
        for observer in activityObservers {
            try await observer.activitySaved(activity, programme: programme, on: database)
        }
    }
}
