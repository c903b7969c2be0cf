import Fluent
import Vapor

/// A capability that keeps something of its own in step with another capability's items
/// (registration settings with an activity, the programme index with organisations' names)
/// hears of each saved change here, inside the change's transaction, so the capability that
/// saves never needs to know who listens. Throwing undoes the change.
extension Application {
    private struct SaveObserversKey<Item>: StorageKey {
        typealias Value = [@Sendable (Item, any Database) async throws -> Void]
    }

    /// Asks to be told of every saved `Item`, after the observers added before.
    func whenSaved<Item>(_ type: Item.Type, _ observer: @escaping @Sendable (Item, any Database) async throws -> Void) {
        storage[SaveObserversKey<Item>.self] = (storage[SaveObserversKey<Item>.self] ?? []) + [observer]
    }

    /// Tells the observers of `Item` that `item` was saved on `database`.
    func saved<Item>(_ item: Item, on database: any Database) async throws {
        for observer in storage[SaveObserversKey<Item>.self] ?? [] {
            try await observer(item, database)
        }
    }
}
