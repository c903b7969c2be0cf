import Foundation
import Vapor

/// The source of "now" for everything that depends on it (upcoming vs past), so tests and
/// snapshots can fix the date.
public struct AppClock: Sendable {
    public var now: @Sendable () -> Date
    public static let system = AppClock(now: { Date() })
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    public var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now() }
}

extension Application {
    /// A Gregorian calendar in the installation's time zone, for recurrence and programme days.
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = settings.timeZone
        return calendar
    }
}
