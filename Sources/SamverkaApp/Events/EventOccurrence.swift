import Foundation

extension Event {
    /// One week, the step of weekly recurrence.
    static let week: TimeInterval = 7 * 24 * 60 * 60

    /// Whether a weekly event still has occurrences at or after `now`.
    func recursAfter(_ now: Date) -> Bool {
        guard recurrence == .weekly, status == .scheduled else { return false }
        return recurrenceUntil.map { $0 >= now } ?? true
    }

    /// When the event next takes place at or after `now`: the start itself for a one-off event,
    /// the next weekly occurrence for a recurring one. Weekly steps are counted in the
    /// installation's calendar, so 15:00 stays 15:00 across daylight-saving changes.
    func nextOccurrence(after now: Date, calendar: Calendar) -> Date? {
        guard recursAfter(now) else { return startsAt >= now ? startsAt : nil }
        if startsAt >= now { return startsAt }
        let elapsedWeeks = Int((now.timeIntervalSince(startsAt) / Self.week).rounded(.down))
        for weeks in [elapsedWeeks, elapsedWeeks + 1, elapsedWeeks + 2] {
            if let candidate = calendar.date(byAdding: .weekOfYear, value: weeks, to: startsAt), candidate >= now {
                if let until = recurrenceUntil, candidate > until { return nil }
                return candidate
            }
        }
        return nil
    }
}
