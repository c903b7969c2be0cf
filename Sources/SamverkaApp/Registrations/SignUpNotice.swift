import Fluent
import Vapor

/// Organisers who asked for it (a choice on their profile, off by default) are notified of each
/// sign-up that holds or waits for a place: a guest's once the address is proven.
struct SignUpNotice: Sendable {
    let app: Application
    let now: Date

    /// `signUps` are the new registrations with the name each was made in.
    func tell(
        _ signUps: [(registration: Registration, name: String)], subject: any RegistrationSubject,
        on database: any Database
    ) async throws {
        let told = signUps.filter { $0.registration.status != .unconfirmed }
        guard !told.isEmpty else { return }
        let organisers = try await Self.organisersWanting(subject, on: database)
        guard !organisers.isEmpty else { return }
        for signUp in told {
            // Someone who signs up to their own activity knows it already.
            try await Notifier(app: app, now: now).tell(
                organisers.filter { $0.id != signUp.registration.$member.id }, .signUpReceived,
                values: ["person": signUp.name, "title": subject.title],
                link: subject.path(.attendees), on: database)
        }
    }

    /// Those who manage the subject's attendees and want each sign-up: the people of its
    /// organisations, or for the network's own events its moderators and admins.
    static func organisersWanting(
        _ subject: any RegistrationSubject, on database: any Database
    ) async throws -> [Member] {
        let organisations = try await subject.organisationIDs(on: database)
        if organisations.isEmpty {
            return try await Member.query(on: database).filter(\.$notifySignUps == true).filter(
                \.$role ~~ [.moderator, .admin]
            ).all()
        }
        return try await OrganisationMembership.query(on: database)
            .filter(\.$organisation.$id ~~ organisations).filter(\.$status == .active)
            .join(Member.self, on: \OrganisationMembership.$member.$id == \Member.$id)
            .filter(Member.self, \.$notifySignUps == true)
            .all()
            .compactMap { try? $0.joined(Member.self) }
    }
}
