import Fluent
import Foundation
import Vapor

/// Sign-up on Samverka for some of the demo network's upcoming events, each showing a
/// different setup: seats and a waiting list with questions, approval, unlimited. Running the
/// seed again puts the settings back; sign-ups people made stay.
enum DemoRegistrations {
    struct Spec {
        let event: String
        let capacity: Int?
        let approval: Bool
        let questions: [RegistrationQuestion]
    }

    static let specs = [
        Spec(
            event: "workshop-oppna-data", capacity: 30, approval: false,
            questions: [
                RegistrationQuestion(
                    key: "diet", kind: .shortText, label: "Önskemål om mat", required: false, choices: []),
                RegistrationQuestion(
                    key: "access", kind: .longText, label: "Behöver du stöd för att kunna delta?", required: false,
                    choices: []),
                RegistrationQuestion(
                    key: "level", kind: .singleChoice, label: "Hur van är du vid öppna data?", required: true,
                    choices: ["Ny på området", "Har provat", "Jobbar med det"]),
            ]),
        Spec(
            event: "meetup-malmo-januari", capacity: 25, approval: false,
            questions: [
                RegistrationQuestion(
                    key: "dinner", kind: .yesNo, label: "Följer du med på middag efteråt?", required: false, choices: []
                )
            ]),
        Spec(
            event: "meetup-orebro-februari", capacity: 40, approval: true,
            questions: [
                RegistrationQuestion(
                    key: "organisation", kind: .shortText, label: "Organisation", required: true, choices: [])
            ]),
        Spec(event: "webinar-budgetdata-en", capacity: nil, approval: false, questions: []),
    ]

    static func seed(_ app: Application) async throws -> Int {
        var count = 0
        for spec in specs {
            guard let event = try await Event.query(on: app.db).filter(\.$slug == spec.event).first() else { continue }
            let setup = try await EventSubject(event: event).setup(on: app.db)
            setup.mode = .samverka
            setup.capacity = spec.capacity
            setup.waitingList = true
            setup.requiresApproval = spec.approval
            setup.questions = spec.questions
            try await setup.save(on: app.db)
            count += 1
        }
        return count
    }
}
