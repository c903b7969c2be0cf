import Fluent
import Foundation
import Vapor

/// What happened to a registration, to tell its person.
enum RegistrationNotice: String, Sendable {
    case confirmAddress = "confirm_address"
    case pending, waiting, confirmed, approved, promoted, declined, cancelled
    case eventCancelled = "event_cancelled"
    case reminder
    case organiserMessage = "organiser_message"
    /// The personal link again, asked for by a guest who lost it.
    case resent

    /// What to tell someone who has just been given `status`: pending, waiting or a seat.
    static func placed(_ status: Registration.Status) -> RegistrationNotice {
        switch status {
        case .pending: .pending
        case .waiting: .waiting
        default: .confirmed
        }
    }

    /// The notices that give the person a seat: they carry the calendar entry.
    var carriesCalendar: Bool { [.confirmed, .approved, .promoted, .reminder, .eventCancelled].contains(self) }
}

/// Writes registration mail into the outbox, in the person's language, as plain text and HTML,
/// with a personal link to view or cancel and, once there is a seat, the event as an `.ics`.
struct RegistrationMailer: Sendable {
    let app: Application
    let now: Date

    /// Who a registration's mail goes to.
    struct Recipient: Sendable {
        let name: String
        let email: String
    }

    func send(
        _ notice: RegistrationNotice, _ registration: Registration, subject: any RegistrationSubject,
        setup: RegistrationSetup,
        message organiserText: String = "", heading: String? = nil, on database: any Database
    ) async throws {
        let recipient: Recipient
        if let memberID = registration.$member.id {
            guard let member = try await Member.find(memberID, on: database) else { return }
            recipient = Recipient(name: member.name, email: member.email)
        } else {
            guard !registration.guestEmail.isEmpty else { return }
            recipient = Recipient(name: registration.guestName, email: registration.guestEmail)
        }
        let position = notice == .waiting ? try await registration.waitingPosition(on: database) : nil
        try await message(
            notice, registration, subject: subject, setup: setup, to: recipient, position: position,
            organiserText: organiserText, heading: heading
        ).save(on: database)
    }

    /// The message itself, for a recipient and waiting-list place already known.
    func message(
        _ notice: RegistrationNotice, _ registration: Registration, subject: any RegistrationSubject,
        setup: RegistrationSetup,
        to recipient: Recipient, position: Int?, organiserText: String = "", heading: String? = nil
    ) -> OutgoingMail {
        let language = registration.language
        let catalogue = app.catalogue
        let dates = DateText(timeZone: app.settings.timeZone, language: language)
        let base = app.settings.publicURL
        // Links open in the mail's language, whatever the device the person reads it on.
        let inLanguage = "?lang=" + language.rawValue
        let personal = base + SiteURL.personalRegistration(.value(registration.token)).path + inLanguage
        var values = [
            "title": subject.title,
            "name": recipient.name,
            "when": subject.startsAt.map { dates.dateAndTime($0) } ?? "",
            "where": subject.placeAndLink(app.municipalities),
            "page": base + subject.pagePath + inLanguage,
            "link": personal,
            "message": notice == .eventCancelled ? setup.cancellationMessage : registration.decisionMessage,
            "site": app.settings.siteName,
        ]
        if let position { values["position"] = "\(position)" }
        let key = "mail.registration.\(notice.rawValue)"
        let subjectLine = heading ?? catalogue.text(key + ".subject", language, values)
        var paragraphs =
            notice == .organiserMessage ? [organiserText] : catalogue.paragraphs(key + ".body", language, values)
        if !values["message", default: ""].isEmpty && [.approved, .declined, .eventCancelled].contains(notice) {
            paragraphs.append(catalogue.text("mail.registration.their_message", language, values))
        }
        paragraphs.append(catalogue.text("mail.registration.details", language, values))
        if notice != .cancelled && notice != .eventCancelled {
            paragraphs.append(catalogue.text("mail.registration.personal_link", language, values))
        }
        paragraphs.append(catalogue.signature(language, values))

        var mail = MailMessage(
            to: recipient.email, toName: recipient.name, subject: subjectLine, paragraphs: paragraphs,
            language: language)
        let entries = CalendarEntries(app, now: now)
        if notice.carriesCalendar, var entry = subject.calendarEntry(entries) {
            if notice == .eventCancelled && !entry.cancelled {
                entry.cancelled = true
                entry.sequence += 1
            }
            let calendar = entries.calendar([entry])
            mail.attachments.append(
                .init(
                    filename: "samverka.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                    content: calendar.text))
        }
        return OutgoingMail(
            kind: "registration.\(notice.rawValue)", message: mail, sendAfter: now,
            memberID: registration.$member.id, registrationID: registration.id)
    }
}
