import Fluent
import Foundation

/// A member's sign-ups with their answers. Those still in play are cancelled through the ledger
/// before the account goes, so each seat passes to the next in line; every sign-up then stays as
/// an anonymous count, without answers, name or a working personal link.
struct RegistrationPersonalData: PersonalDataHolder {
    struct Answer: Encodable, Sendable {
        let question: String
        let answer: [String]
    }

    struct SignUp: Encodable, Sendable {
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

    let section = "registrations"
    let tables = [Registration.schema]

    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable {
        let registrations = try await Registration.query(on: context.database).filter(\.$member.$id == memberID)
            .with(\.$setup).sort(\.$createdAt).all()
        var signUps: [SignUp] = []
        for registration in registrations {
            guard let subject = try await RegistrationSubjects.of(registration.setup, on: context.database) else {
                continue
            }
            let labels = Dictionary(
                registration.setup.questions.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
            signUps.append(
                SignUp(
                    title: subject.title, page: context.baseURL + subject.pagePath, startsAt: subject.startsAt,
                    status: registration.status.rawValue, attendance: registration.attendance?.rawValue,
                    signedUpAt: registration.createdAt,
                    answers: registration.answers.map { Answer(question: labels[$0.key] ?? $0.key, answer: $0.values) },
                    organiserMessage: registration.decisionMessage, reminded: registration.remindedAt
                ))
        }
        return signUps
    }

    func prepareErasure(_ memberID: UUID, _ context: PersonalDataContext) async throws {
        let ledger = RegistrationLedger(app: context.app, now: context.now)
        let active = try await Registration.query(on: context.database).filter(\.$member.$id == memberID)
            .filter(\.$status ~~ Registration.Status.active).with(\.$setup).all()
        for registration in active {
            guard let subject = try await RegistrationSubjects.of(registration.setup, on: context.database) else {
                continue
            }
            try await ledger.cancel(registration, setup: registration.setup, subject: subject, tell: false)
        }
    }

    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws {
        let own = try await Registration.query(on: database).filter(\.$member.$id == memberID).all()
        let ids = own.compactMap(\.id)
        // Mail about the sign-ups goes too, should any have been written without the member.
        if !ids.isEmpty { try await OutgoingMail.query(on: database).filter(\.$registrationID ~~ ids).delete() }
        for registration in own {
            registration.answers = []
            registration.$member.id = nil
            registration.token = Registration.newToken()
            registration.purgedAt = context.now
            try await registration.save(on: database)
        }
    }
}
