import Fluent
import Vapor

/// The "Sign up" box on an event's or activity's page: seats left or the waiting list, the
/// button, the visitor's own registration if they have one, and the organiser's links.
struct RegistrationPanel: Encodable, Hashable {
    let availability: String?
    let signUpHref: String?
    let signUpLabel: String
    let externalHref: String?
    let yoursHref: String?
    let yoursStatus: String?
    let closed: String?
    let settingsHref: String?
    let attendeesHref: String?

    /// Nil when there is nothing to show: sign-up is off and the visitor cannot change that.
    /// Organisers are also told when sign-up is not on Samverka.
    static func make(_ subject: any RegistrationSubject, request: Request) async throws -> RegistrationPanel? {
        let member = request.auth.get(Member.self)
        let manages = try await subject.canManage(member, on: request.db)
        let setup = try await subject.setup(on: request.db)
        var availability: String?, full = false, yours: Registration?
        if setup.mode == .samverka, setup.id != nil {
            (availability, full) = try await setup.availability(request: request)
            if let member {
                yours = try await Registration.query(on: request.db).filter(\.$setup.$id == setup.requireID()).filter(
                    \.$member.$id == member.id
                )
                .filter(\.$status ~~ Registration.Status.active).first()
            }
        }
        // Visitors see the box when there is a way to sign up, here or elsewhere.
        guard setup.mode != .off || manages else { return nil }
        let closed =
            setup.mode == .samverka
            ? setup.closedMessage(for: subject, full: full, request: request) : nil
        return RegistrationPanel(
            availability: setup.mode == .samverka
                ? availability : (manages ? request.t("registration.off_for_organiser") : nil),
            signUpHref: setup.mode == .samverka && closed == nil && yours == nil ? subject.path(.register) : nil,
            signUpLabel: request.t(full ? "registration.join_waiting_list" : "registration.sign_up"),
            externalHref: setup.mode == .external ? SafeURL.href(setup.externalURL) : nil,
            yoursHref: yours.map { SiteURL.personalRegistration(.value($0.token)).path },
            yoursStatus: yours.map { request.t("registration_status.\($0.status.rawValue)") },
            closed: closed,
            settingsHref: manages ? subject.path(.settings) : nil,
            attendeesHref: manages && setup.id != nil ? subject.path(.attendees) : nil
        )
    }
}

/// Puts the sign-up box on the pages of events and programme activities.
struct RegistrationPanelProvider: PagePanelProvider {
    func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
        guard let subject = RegistrationSubjects.of(item),
            let panel = try await RegistrationPanel.make(subject, request: request)
        else { return nil }
        return try await request.panel(
            "registration", placement: .lead, template: "Registrations/panel", ["registration": panel])
    }
}
