import Fluent
import Vapor

/// A member's sign-ups as a calendar to subscribe to, behind a secret address, and the button
/// that makes a new secret.
struct SignUpCalendarController: Sendable {
    /// Found by the secret in the address (calendar programs send no cookies). A seat is
    /// confirmed, a place in line or awaiting approval tentative, and a cancelled one cancelled,
    /// so subscribed calendars follow along.
    @Sendable func feed(request: Request) async throws -> Response {
        guard let member = try await Member.find(calendarToken: request.parameters.get("token"), on: request.db) else {
            throw Abort(.notFound)
        }
        let registrations = try await Registration.query(on: request.db).filter(\.$member.$id == member.requireID())
            .filter(\.$status != .declined).with(\.$setup).sort(\.$arrival).all()
        let entries = CalendarEntries(request.application, now: request.now)
        var shown: [ICalendar.Event] = []
        for registration in registrations {
            guard let subject = try await RegistrationSubjects.of(registration.setup, on: request.db),
                var entry = subject.calendarEntry(entries)
            else { continue }
            entry.cancelled = entry.cancelled || registration.status == .cancelled
            entry.tentative = registration.status != .confirmed
            shown.append(entry)
        }
        let name = request.t("registration.mine") + " · " + request.application.settings.siteName
        let response = CalendarEntries.response(entries.calendar(shown, name: name), filename: "registrations")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// Makes a new secret for the member's feeds (sign-ups and own programme); the old
    /// addresses stop working. Returns to the page the button was on.
    @Sendable func resetToken(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        member.calendarToken = Registration.newToken()
        try await member.save(on: request.db)
        request.flash(request.t("account.calendar_reset_done"))
        let fromMyProgramme = (try? request.content.get(String.self, at: "from")) == "mine"
        return request.redirect(
            to: (fromMyProgramme ? SiteURL.myProgramme : SiteURL.account).path, redirectType: .normal)
    }
}
