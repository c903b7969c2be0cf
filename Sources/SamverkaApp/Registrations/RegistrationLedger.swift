import Fluent
import Foundation
import SQLKit
import Vapor

/// Every change to who has a seat: signing up, confirming a guest, approving, declining,
/// cancelling and promoting from the waiting list. Each runs alone per event (the gate, then a
/// row lock on the setup inside one transaction), so an event is never overbooked and the
/// waiting list is served in order of arrival. Messages to the people concerned go into the
/// outbox in the same transaction.
struct RegistrationLedger: Sendable {
    enum Refusal: Error, Equatable {
        case closed, full, alreadyRegistered, notPending
    }

    let app: Application
    let now: Date

    var database: any Database { app.db }

    /// One person asking for a place: a member, or a guest by name and address.
    struct SignUpRequest: Sendable {
        let member: Member?
        let guestName: String
        let guestEmail: String
        let language: Language
        let answers: [RegistrationAnswer]
    }

    func signUp(
        _ setup: RegistrationSetup, subject: any RegistrationSubject, member: Member?, guestName: String,
        guestEmail: String,
        language: Language, answers: [RegistrationAnswer]
    ) async throws -> Registration {
        guard setup.isOpen(at: now, start: subject.startsAt), subject.isOpenToPublic(now: now) else {
            throw Refusal.closed
        }
        let request = SignUpRequest(
            member: member, guestName: guestName, guestEmail: guestEmail, language: language, answers: answers)
        return try await app.signUpQueue.submit(try setup.requireID(), request) { batch in
            try await admit(batch, setup: setup, subject: subject)
        }
    }

    /// Lets a batch of sign-ups in, in the order they came, in one transaction: a seat while
    /// there are seats and nobody waits, else the waiting list; pending when the organiser
    /// approves; unconfirmed for a guest until the address is proven. Each gets their own
    /// outcome, so one person already signed up does not fail the others.
    private func admit(
        _ batch: [SignUpRequest], setup: RegistrationSetup, subject: any RegistrationSubject
    ) async throws -> [Result<Registration, any Error>] {
        let setupID = try setup.requireID()
        return try await serially(setup, arriving: batch.count) { database, arrivals in
            // The settings as they are now, not as the first in the batch read them.
            guard let current = try await RegistrationSetup.find(setupID, on: database) else { throw Abort(.notFound) }
            var taken = try await Self.placeHolders(setupID, among: batch, on: database)
            var counts = try await Self.seatCounts(setupID, on: database)
            var admitted: [Registration] = [], names: [String] = [], mail: [OutgoingMail] = [],
                outcomes: [Result<Registration, any Error>] = []
            for (offset, request) in batch.enumerated() {
                guard taken.insert(Self.holder(request)).inserted else {
                    outcomes.append(.failure(Refusal.alreadyRegistered))
                    continue
                }
                let registration = Self.draft(request, setupID: setupID, arrival: arrivals - batch.count + 1 + offset)
                do {
                    if request.member == nil {
                        // A guest holds nothing until the address is proven; a full event says so now.
                        if !current.requiresApproval {
                            var unchanged = counts
                            _ = try Self.place(current, &unchanged)
                        }
                        registration.status = .unconfirmed
                    } else {
                        registration.status = current.requiresApproval ? .pending : try Self.place(current, &counts)
                    }
                } catch {
                    outcomes.append(.failure(error))
                    continue
                }
                seatGiven(registration, subject: subject)
                let notice: RegistrationNotice =
                    registration.status == .unconfirmed ? .confirmAddress : .placed(registration.status)
                let recipient =
                    request.member.map { RegistrationMailer.Recipient(name: $0.name, email: $0.email) }
                    ?? RegistrationMailer.Recipient(name: request.guestName, email: request.guestEmail)
                mail.append(
                    mailer.message(
                        notice, registration, subject: subject, setup: current, to: recipient,
                        position: registration.status == .waiting ? counts.waiting : nil))
                admitted.append(registration)
                names.append(request.member?.name ?? request.guestName)
                outcomes.append(.success(registration))
            }
            if !admitted.isEmpty {
                try await admitted.create(on: database)
                try await mail.create(on: database)
                try await SignUpNotice(app: app, now: now).tell(
                    Array(zip(admitted, names)), subject: subject, on: database)
            }
            return outcomes
        }
    }

    /// A guest followed the link in the first email.
    func confirmGuest(
        _ registration: Registration, setup: RegistrationSetup, subject: any RegistrationSubject
    ) async throws {
        try await serially(setup) { database, _ in
            guard let fresh = try await Registration.find(registration.id, on: database), fresh.status == .unconfirmed
            else { return }
            fresh.status = setup.requiresApproval ? .pending : try await Self.placement(setup, on: database)
            seatGiven(fresh, subject: subject)
            try await fresh.save(on: database)
            registration.status = fresh.status
            try await mailer.send(.placed(fresh.status), fresh, subject: subject, setup: setup, on: database)
            try await SignUpNotice(app: app, now: now).tell([(fresh, fresh.guestName)], subject: subject, on: database)
        }
    }

    /// The organiser's yes to a pending sign-up: a seat, else the waiting list.
    func approve(
        _ registration: Registration, message: String, setup: RegistrationSetup, subject: any RegistrationSubject
    ) async throws {
        try await serially(setup) { database, _ in
            guard let fresh = try await Registration.find(registration.id, on: database), fresh.status == .pending
            else { throw Refusal.notPending }
            fresh.status = try await Self.placement(setup, on: database)
            fresh.decisionMessage = message
            seatGiven(fresh, subject: subject)
            try await fresh.save(on: database)
            try await mailer.send(
                fresh.status == .waiting ? .waiting : .approved, fresh, subject: subject, setup: setup, on: database)
        }
    }

    func decline(
        _ registration: Registration, message: String, setup: RegistrationSetup, subject: any RegistrationSubject
    ) async throws {
        try await serially(setup) { database, _ in
            guard let fresh = try await Registration.find(registration.id, on: database), fresh.status == .pending
            else { throw Refusal.notPending }
            fresh.status = .declined
            fresh.decisionMessage = message
            try await fresh.save(on: database)
            try await mailer.send(.declined, fresh, subject: subject, setup: setup, on: database)
        }
    }

    /// The person cancels (or their account goes); a freed seat goes to the first in line.
    func cancel(
        _ registration: Registration, setup: RegistrationSetup, subject: any RegistrationSubject, tell: Bool = true
    ) async throws {
        try await serially(setup) { database, _ in
            guard let fresh = try await Registration.find(registration.id, on: database), fresh.status.isActive else {
                return
            }
            let heldSeat = fresh.status == .confirmed
            fresh.status = .cancelled
            try await fresh.save(on: database)
            registration.status = .cancelled
            if tell { try await mailer.send(.cancelled, fresh, subject: subject, setup: setup, on: database) }
            if heldSeat { try await fillSeats(setup, subject: subject, on: database) }
        }
    }

    /// After the organiser changed the settings (more seats, no waiting list any more).
    func settingsChanged(_ setup: RegistrationSetup, subject: any RegistrationSubject) async throws {
        try await serially(setup) { database, _ in
            try await fillSeats(setup, subject: subject, on: database)
        }
    }

    /// The organiser cancels the event: every active sign-up ends and everyone is told.
    func cancelEvent(_ setup: RegistrationSetup, subject: any RegistrationSubject, message: String) async throws {
        try await serially(setup) { database, _ in
            setup.cancelledAt = now
            setup.cancellationMessage = message
            try await setup.save(on: database)
            try await subject.cancelled(on: database)
            let active = try await Registration.query(on: database).filter(\.$setup.$id == setup.requireID())
                .filter(\.$status ~~ Registration.Status.active).sort(\.$arrival).all()
            for registration in active {
                registration.status = .cancelled
                try await registration.save(on: database)
                try await mailer.send(.eventCancelled, registration, subject: subject, setup: setup, on: database)
            }
        }
    }

    /// The day-before reminder, once per confirmed seat.
    func remind(_ setup: RegistrationSetup, subject: any RegistrationSubject) async throws -> Int {
        try await serially(setup) { database, _ in
            let due = try await Registration.query(on: database).filter(\.$setup.$id == setup.requireID())
                .filter(\.$status == .confirmed).filter(\.$remindedAt == nil).sort(\.$arrival).all()
            for registration in due {
                registration.remindedAt = now
                try await registration.save(on: database)
                try await mailer.send(.reminder, registration, subject: subject, setup: setup, on: database)
            }
            return due.count
        }
    }

    // MARK: Inside the lock

    /// Gives free seats to the waiting list, first come first served.
    private func fillSeats(
        _ setup: RegistrationSetup, subject: any RegistrationSubject, on database: any Database
    ) async throws {
        let setupID = try setup.requireID()
        let waiting = Registration.query(on: database).filter(\.$setup.$id == setupID).filter(\.$status == .waiting)
            .sort(\.$arrival)
        if let capacity = setup.capacity {
            let confirmed = try await Registration.query(on: database).filter(\.$setup.$id == setupID).filter(
                \.$status == .confirmed
            ).count()
            guard confirmed < capacity else { return }
            waiting.limit(capacity - confirmed)
        }
        for registration in try await waiting.all() {
            registration.status = .confirmed
            seatGiven(registration, subject: subject)
            try await registration.save(on: database)
            try await mailer.send(.promoted, registration, subject: subject, setup: setup, on: database)
        }
    }

    /// Whoever gets a seat within a day of the start has just had a message with every detail;
    /// the day-before reminder would only repeat it.
    private func seatGiven(_ registration: Registration, subject: any RegistrationSubject) {
        guard registration.status == .confirmed, let start = subject.startsAt, start.timeIntervalSince(now) < 24 * 3600
        else { return }
        registration.remindedAt = now
    }

    /// A new registration for `request`, its status still to be decided.
    private static func draft(_ request: SignUpRequest, setupID: UUID, arrival: Int) -> Registration {
        let registration = Registration()
        // Known before it is stored, so the mail written in the same batch can name it.
        registration.id = UUID()
        registration.$setup.id = setupID
        registration.$member.id = request.member?.id
        registration.guestName = request.member == nil ? request.guestName : ""
        registration.guestEmail = request.member == nil ? request.guestEmail : ""
        registration.language = request.language
        registration.arrival = arrival
        registration.answers = request.answers
        registration.token = Registration.newToken()
        registration.decisionMessage = ""
        return registration
    }

    struct SeatCounts {
        var confirmed: Int
        var waiting: Int
    }

    private static func seatCounts(_ setupID: UUID, on database: any Database) async throws -> SeatCounts {
        let counts = Registration.query(on: database).filter(\.$setup.$id == setupID)
        return SeatCounts(
            confirmed: try await counts.copy().filter(\.$status == .confirmed).count(),
            waiting: try await counts.copy().filter(\.$status == .waiting).count())
    }

    /// Who of `batch` already holds a place (by member ID or guest address).
    /// The people in `batch` who already hold a place, each named by their email address: a
    /// member is the same person as a guest who gives the member's address, so one person can
    /// never hold two places, whichever way they signed up.
    private static func placeHolders(
        _ setupID: UUID, among batch: [SignUpRequest], on database: any Database
    ) async throws -> Set<String> {
        let emails = Set(batch.map(Self.holder))
        let members = try await Member.query(on: database).filter(\.$email ~~ Array(emails)).all()
        let memberEmails = Dictionary(
            members.compactMap { member in member.id.map { ($0, member.email) } },
            uniquingKeysWith: { first, _ in first })
        let holders = try await Registration.query(on: database).filter(\.$setup.$id == setupID).filter(
            \.$status ~~ Registration.Status.active
        )
        .group(.or) { either in
            either.filter(\.$guestEmail ~~ Array(emails))
            if !memberEmails.isEmpty { either.filter(\.$member.$id ~~ Array(memberEmails.keys)) }
        }
        .all()
        return Set(
            holders.map { registration in
                registration.$member.id.flatMap { memberEmails[$0] } ?? registration.guestEmail
            })
    }

    /// The address that names the person asking for a place.
    private static func holder(_ request: SignUpRequest) -> String {
        (request.member?.email ?? request.guestEmail).lowercased()
    }

    /// A seat when one is free and nobody waits before, else a place on the waiting list;
    /// `counts` then include the newcomer.
    private static func place(_ setup: RegistrationSetup, _ counts: inout SeatCounts) throws -> Registration.Status {
        if let capacity = setup.capacity, counts.confirmed >= capacity || counts.waiting > 0 {
            guard setup.waitingList else { throw Refusal.full }
            counts.waiting += 1
            return .waiting
        }
        counts.confirmed += 1
        return .confirmed
    }

    private static func placement(
        _ setup: RegistrationSetup, on database: any Database
    ) async throws -> Registration.Status {
        var counts = try await seatCounts(try setup.requireID(), on: database)
        return try place(setup, &counts)
    }

    /// Takes the setup's row for this transaction (a write lock on SQLite, a row lock on
    /// PostgreSQL) and returns its arrival counter after adding `count`.
    private static func lock(_ setupID: UUID, adding count: Int, on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase else { throw Abort(.internalServerError) }
        let row = try await sql.raw(
            "UPDATE registration_setups SET arrivals = arrivals + \(bind: count) WHERE id = \(bind: setupID) RETURNING arrivals"
        ).first()
        guard let row else { throw Abort(.notFound) }
        return try row.decode(column: "arrivals", as: Int.self)
    }

    private var mailer: RegistrationMailer { RegistrationMailer(app: app, now: now) }

    /// Runs `body` alone for this event: through the gate, then in one transaction that first
    /// takes the setup's row. Sign-ups (`arriving`) take the next arrival numbers: `body` gets
    /// the counter after them.
    private func serially<T: Sendable>(
        _ setup: RegistrationSetup, arriving: Int = 0,
        _ body: @escaping @Sendable (any Database, Int) async throws -> T
    ) async throws -> T {
        let setupID = try setup.requireID()
        return try await app.registrationGate.run(setupID) {
            try await database.transaction { database in
                let arrivals = try await Self.lock(setupID, adding: arriving, on: database)
                return try await body(database, arrivals)
            }
        }
    }
}

extension Application {
    private struct RegistrationGateKey: StorageKey { typealias Value = SerialGate<UUID> }
    private struct SignUpQueueKey: StorageKey {
        typealias Value = SignUpQueue<UUID, RegistrationLedger.SignUpRequest, Registration>
    }

    /// Set up in `configure`, before any request can race to create it.
    var registrationGate: SerialGate<UUID> {
        get {
            guard let gate = storage[RegistrationGateKey.self] else {
                fatalError("configure(_:settings:) sets up the registration gate")
            }
            return gate
        }
        set { storage[RegistrationGateKey.self] = newValue }
    }

    var signUpQueue: SignUpQueue<UUID, RegistrationLedger.SignUpRequest, Registration> {
        get {
            guard let queue = storage[SignUpQueueKey.self] else {
                fatalError("configure(_:settings:) sets up the sign-up queue")
            }
            return queue
        }
        set { storage[SignUpQueueKey.self] = newValue }
    }
}
