import Foundation
import Vapor

/// `/events/{slug}/attendees` (and an activity's): who signed up, with their answers, for the
/// organisers. `Registrations/attendees`.
struct AttendeeListPage: Encodable {
    struct Row: Encodable {
        let name: String
        let email: String
        let status: String
        let statusKey: String
        let attendance: String?
        let arrival: Int
        let answers: [PersonalRegistrationPage.Answer]
        let action: String
        let canDecide: Bool
        let canCheckIn: Bool
    }

    let layout: LayoutContext
    let heading: String
    let pageHref: String
    let pageTitle: String
    let settingsHref: String
    let csvHref: String
    let messageAction: String
    let cancelAction: String?
    let summary: String
    let hasQuestions: Bool
    let rows: [Row]
    let cancelled: Bool
    let csrf: String
}

/// The sign-up form of an event or activity. `Registrations/register`.
struct SignUpPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let pageHref: String
    let pageTitle: String
    let when: String
    let place: String
    let availability: String
    let consent: String
    let form: FormContext?
    let closedMessage: String?
    let existingHref: String?
    let signInHref: String?
    /// For guests: their personal link again, if the mail is lost.
    let resendHref: String?
}

/// After signing up as a guest, or asking for the personal link again: check your inbox.
/// `Registrations/sent`.
struct SignUpSentPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let lead: String
    let hints: [String]
    let pageHref: String
    let pageTitle: String
}

/// `/registrations/{token}`: one person's place, their answers, and cancelling it.
/// `Registrations/personal`.
struct PersonalRegistrationPage: Encodable {
    struct Answer: Encodable {
        let question: String
        let answer: String
    }

    let layout: LayoutContext
    let heading: String
    let pageHref: String
    let when: String
    let place: String
    let status: String
    let position: String?
    let message: String?
    let answers: [Answer]
    let confirmAction: String?
    let cancelAction: String?
    let calendarHref: String?
    let csrf: String
}

/// `/account/registrations`: a member's places, coming and past. `Registrations/mine`.
struct MyRegistrationsPage: Encodable {
    struct Row: Encodable {
        let title: String
        let href: String
        let when: String
        let status: String
    }

    let layout: LayoutContext
    let heading: String
    let upcoming: [Row]
    let past: [Row]
}
