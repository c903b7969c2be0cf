import Fluent

/// Raises an event's or activity's SEQUENCE on every save of a change, so subscribed calendars
/// replace what they hold (a new time, a new place, a cancellation).
struct CalendarSequenceMiddleware<Item: Model & CalendarRevised>: AsyncModelMiddleware {
    func update(model: Item, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        if model.hasChanges { model.calendarSequence += 1 }
        try await next.update(model, on: db)
    }
}

/// A model whose calendar entry carries a revision number (iCalendar's SEQUENCE).
protocol CalendarRevised: AnyObject {
    var calendarSequence: Int { get set }
}
