import Fluent
import Foundation
import Vapor

/// What one capability keeps about a member. The member's data download (the right of access,
/// GDPR article 15) and the deletion of their account (article 17) loop over the holders every
/// capability registers in `app.personalData`, so neither needs to know the capabilities, and a
/// new capability that stores something about members is covered by registering one holder.
protocol PersonalDataHolder: Sendable {
    /// The key of this holder's part of the download. People and their tools read it: keep it.
    var section: String { get }

    /// The tables whose rows name members (a `member_id` column) that this holder answers for;
    /// a test checks that every such table has a holder.
    var tables: [String] { get }

    /// This holder's part of the download, as plain values.
    func export(_ memberID: UUID, _ context: PersonalDataContext) async throws -> any Encodable & Sendable

    /// Throws `ErasureRefused` when the account may not be deleted yet. Nothing has changed then.
    func refuseErasure(_ memberID: UUID, _ context: PersonalDataContext) async throws

    /// Work before the deletion's transaction that others must hear of, such as a seat passing to
    /// the next in line.
    func prepareErasure(_ memberID: UUID, _ context: PersonalDataContext) async throws

    /// Removes, or makes anonymous, what is the member's, inside the deletion's transaction.
    /// Throwing (`ErasureRefused` when something changed since `refuseErasure`) undoes it all.
    func erase(_ memberID: UUID, _ context: PersonalDataContext, on database: any Database) async throws
}

extension PersonalDataHolder {
    func refuseErasure(_ memberID: UUID, _ context: PersonalDataContext) async throws {}
    func prepareErasure(_ memberID: UUID, _ context: PersonalDataContext) async throws {}
}

/// What a holder may need besides the member: the application, the time, and the public address
/// the download gives pages under.
struct PersonalDataContext: Sendable {
    let app: Application
    let now: Date
    let baseURL: String

    var database: any Database { app.db }
}

/// Why an account cannot be deleted yet: a catalogue key and its values, shown to the member.
struct ErasureRefused: Error {
    let key: String
    let values: [String: String]
}

/// The holders, in the order a deletion runs them.
struct PersonalDataRegistry: Sendable {
    private(set) var holders: [any PersonalDataHolder] = []

    mutating func register(_ holder: any PersonalDataHolder) {
        precondition(!holders.contains { $0.section == holder.section }, "two holders for \(holder.section)")
        holders.append(holder)
    }
}

extension Application {
    private struct PersonalDataKey: StorageKey {
        typealias Value = PersonalDataRegistry
    }

    var personalData: PersonalDataRegistry {
        get { storage[PersonalDataKey.self] ?? PersonalDataRegistry() }
        set { storage[PersonalDataKey.self] = newValue }
    }
}
