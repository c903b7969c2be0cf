import Fluent
import SQLKit
import Vapor

/// Every organisation keeps at least one owner. Changes that could take the last one away run
/// one at a time per organisation (the gate, within one instance) and count the owners inside
/// the transaction that changes them, after taking the organisation's row (between instances
/// on PostgreSQL), so two owners demoting each other at once cannot both succeed.
enum OrganisationOwners {
    struct LastOwner: Error {
        let organisation: String
    }

    /// Runs `body` with the organisation locked; `body` gets the number of active owners.
    static func changing<T: Sendable>(
        _ organisationID: UUID, on app: Application,
        _ body: @escaping @Sendable (any Database, Int) async throws -> T
    ) async throws -> T {
        try await app.organisationGate.run(organisationID) {
            try await app.db.transaction { database in
                try await lock([organisationID], on: database)
                return try await body(database, try await activeOwners(organisationID, on: database))
            }
        }
    }

    /// Takes the organisations' rows for the rest of the transaction.
    static func lock(_ organisationIDs: [UUID], on database: any Database) async throws {
        guard !organisationIDs.isEmpty, let sql = database as? any SQLDatabase else { return }
        try await sql.update("organisations").set(SQLIdentifier("slug"), to: SQLIdentifier("slug"))
            .where(SQLIdentifier("id"), .in, organisationIDs).run()
    }

    static func activeOwners(_ organisationID: UUID, on database: any Database) async throws -> Int {
        try await OrganisationMembership.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$status == .active).filter(\.$role == .owner).count()
    }

    /// The organisations `memberID` alone owns, by name: they would be left without an owner.
    static func onlyOwnerOf(_ memberID: UUID, on database: any Database) async throws -> [String] {
        let owned = try await OrganisationMembership.query(on: database).filter(\.$member.$id == memberID)
            .filter(\.$status == .active).filter(\.$role == .owner).with(\.$organisation).all()
        var alone: [String] = []
        for membership in owned where try await activeOwners(membership.$organisation.id, on: database) <= 1 {
            alone.append(membership.organisation.name)
        }
        return alone.sorted()
    }
}

extension Application {
    private struct OrganisationGateKey: StorageKey { typealias Value = SerialGate<UUID> }

    /// Set up in `configure`, before any request can race to create it.
    var organisationGate: SerialGate<UUID> {
        get {
            guard let gate = storage[OrganisationGateKey.self] else {
                fatalError("configure(_:settings:) sets up the organisation gate")
            }
            return gate
        }
        set { storage[OrganisationGateKey.self] = newValue }
    }
}
