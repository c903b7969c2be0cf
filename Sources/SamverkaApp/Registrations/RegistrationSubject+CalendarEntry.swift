import Foundation

extension CalendarEntries {
    /// What a sign-up is for, as a calendar entry.
    func entry(_ subject: RegistrationSubject) -> ICalendar.Event? {
        switch subject {
        case .event(let event): entry(event)
        case .activity(let activity, let programme): entry(activity, programme: programme)
        }
    }
}
