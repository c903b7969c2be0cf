import Fluent
import Foundation
import Vapor

/// Everything Samverka holds about one member, as they download it from their account page
/// (the right of access in the GDPR, article 15). Keys are English and stable; dates are ISO 8601.
struct MemberData: Content {
    struct Profile: Codable {
        let name: String
        let email: String
        let role: String
        let language: String
        let createdAt: Date?
        let notifyByMail: Bool
        let notifySignUps: Bool
    }

    struct OrganisationRole: Codable {
        let organisation: String
        let page: String
        let role: String
        let status: String
        let since: Date?
    }

    struct Answer: Codable {
        let question: String
        let answer: [String]
    }

    struct SignUp: Codable {
        let title: String
        let page: String
        let startsAt: Date?
        let status: String
        let attendance: String?
        let signedUpAt: Date?
        let answers: [Answer]
        let organiserMessage: String
        let reminded: Date?
    }

    struct ActivityStep: Codable {
        let activity: String
        let step: String
        let message: String
        let at: Date?
    }

    struct Message: Codable {
        let subject: String
        let kind: String
        let writtenAt: Date?
        let sentAt: Date?
    }

    struct Notice: Codable {
        let kind: String
        let values: [String: String]
        let page: String
        let at: Date?
        let readAt: Date?
    }

    struct Starred: Codable {
        let activity: String
        let page: String
        let at: Date?
    }

    let exportedAt: Date
    let site: String
    let member: Profile
    let organisations: [OrganisationRole]
    let registrations: [SignUp]
    let activityLog: [ActivityStep]
    let mail: [Message]
    let notifications: [Notice]
    /// The activities in the member's own programme.
    let starred: [Starred]

    static func gather(for member: Member, site: String, baseURL: String, now: Date, on database: any Database) async throws -> MemberData {
        let memberID = try member.requireID()
        let memberships = try await OrganisationMembership.query(on: database).filter(\.$member.$id == memberID)
            .with(\.$organisation).sort(\.$createdAt).all()
        let registrations = try await Registration.query(on: database).filter(\.$member.$id == memberID)
            .with(\.$setup).sort(\.$createdAt).all()
        var signUps: [SignUp] = []
        for registration in registrations {
            guard let subject = try await RegistrationSubject.of(registration.setup, on: database) else { continue }
            let labels = Dictionary(registration.setup.questions.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
            signUps.append(SignUp(
                title: subject.title, page: baseURL + subject.pagePath, startsAt: subject.startsAt,
                status: registration.status.rawValue, attendance: registration.attendance?.rawValue,
                signedUpAt: registration.createdAt,
                answers: registration.answers.map { Answer(question: labels[$0.key] ?? $0.key, answer: $0.values) },
                organiserMessage: registration.decisionMessage, reminded: registration.remindedAt
            ))
        }
        let steps = try await ActivityLogEntry.query(on: database).filter(\.$member.$id == memberID)
            .with(\.$activity).sort(\.$createdAt).all()
        let mail = try await OutgoingMail.query(on: database).ownedBy(memberID, registrations: registrations.compactMap(\.id)).sort(\.$createdAt).all()
        let notices = try await MemberNotification.query(on: database).filter(\.$member.$id == memberID).sort(\.$createdAt).all()
        let stars = try await StarredActivity.query(on: database).filter(\.$member.$id == memberID)
            .with(\.$activity) { $0.with(\.$programme) }.sort(\.$createdAt).all()
        return MemberData(
            exportedAt: now, site: site,
            member: Profile(name: member.name, email: member.email, role: member.role.rawValue, language: member.language, createdAt: member.createdAt,
                            notifyByMail: member.notifyByMail, notifySignUps: member.notifySignUps),
            organisations: memberships.map {
                OrganisationRole(organisation: $0.organisation.name, page: baseURL + SiteURL.organisations(.show(.value($0.organisation.slug))).path,
                                 role: $0.role.rawValue, status: $0.status.rawValue, since: $0.createdAt)
            },
            registrations: signUps,
            activityLog: steps.map { ActivityStep(activity: $0.activity.title, step: $0.kind.rawValue, message: $0.message, at: $0.createdAt) },
            mail: mail.map { Message(subject: $0.subject, kind: $0.kind, writtenAt: $0.createdAt, sentAt: $0.sentAt) },
            notifications: notices.map { Notice(kind: $0.kind.rawValue, values: $0.values, page: baseURL + $0.link, at: $0.createdAt, readAt: $0.readAt) },
            starred: stars.map {
                Starred(activity: $0.activity.title,
                        page: baseURL + SiteURL.programmes(.activity(.value($0.activity.programme.slug), .value($0.activity.slug))).path, at: $0.createdAt)
            }
        )
    }
}
