import Fluent
import Foundation
import Vapor

/// Deletes a member and what is theirs. Sign-ups still in play are cancelled through the
/// registration ledger, so their seats go to the next in line; past sign-ups stay as anonymous
/// counts without answers; their mail leaves the outbox. The organisations and activities they
/// worked on stay: they belong to the organisations.
struct AccountDeletion: Sendable {
    enum Refusal: Error {
        /// The site must keep someone who can run it.
        case lastAdmin
        /// These organisations would have no owner left: another owner is needed first.
        case onlyOwner(of: [String])
    }

    let app: Application
    let now: Date

    func delete(_ member: Member) async throws {
        let database = app.db
        let memberID = try member.requireID()
        if member.role == .admin, try await Member.query(on: database).filter(\.$role == .admin).count() <= 1 {
            throw Refusal.lastAdmin
        }
        let alone = try await OrganisationOwners.onlyOwnerOf(memberID, on: database)
        guard alone.isEmpty else { throw Refusal.onlyOwner(of: alone) }

        let ledger = RegistrationLedger(app: app, now: now)
        let active = try await Registration.query(on: database).filter(\.$member.$id == memberID)
            .filter(\.$status ~~ Registration.Status.active).with(\.$setup).all()
        for registration in active {
            guard let subject = try await RegistrationSubject.of(registration.setup, on: database) else { continue }
            try await ledger.cancel(registration, setup: registration.setup, subject: subject, tell: false)
        }

        try await database.transaction { database in
            // Checked again with the organisations taken, should an owner have left meanwhile.
            let owned = try await OrganisationMembership.query(on: database).filter(\.$member.$id == memberID).filter(\.$role == .owner).all()
            try await OrganisationOwners.lock(owned.map(\.$organisation.id), on: database)
            let alone = try await OrganisationOwners.onlyOwnerOf(memberID, on: database)
            guard alone.isEmpty else { throw Refusal.onlyOwner(of: alone) }
            let own = try await Registration.query(on: database).filter(\.$member.$id == memberID).all()
            try await OutgoingMail.query(on: database).ownedBy(memberID, registrations: own.compactMap(\.id)).delete()
            for registration in own {
                registration.answers = []
                registration.$member.id = nil
                registration.token = Registration.newToken()
                registration.purgedAt = now
                try await registration.save(on: database)
            }
            try await ActivityLogEntry.query(on: database).filter(\.$member.$id == memberID).set(\.$member.$id, to: nil).update()
            try await OrganisationMembership.query(on: database).filter(\.$member.$id == memberID).delete()
            try await MemberNotification.query(on: database).filter(\.$member.$id == memberID).delete()
            try await StarredActivity.query(on: database).filter(\.$member.$id == memberID).delete()
            try await member.delete(on: database)
        }
    }
}
