import NIOConcurrencyHelpers

/// Lets one task at a time through per key, in the order they came. Writes that must not race
/// (sign-ups to one event, changes to one organisation's owners) queue here before their
/// transaction, so they take effect in order of arrival and SQLite never has two writers
/// contend; the row lock in the transaction does the same between app instances on PostgreSQL.
final class SerialGate<Key: Hashable & Sendable>: Sendable {
    private let queues = NIOLockedValueBox<[Key: [CheckedContinuation<Void, Never>]]>([:])

    init() {}

    func run<T: Sendable>(_ key: Key, _ body: () async throws -> T) async throws -> T {
        await enter(key)
        defer { leave(key) }
        return try await body()
    }

    private func enter(_ key: Key) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let free = queues.withLockedValue { queues in
                guard queues[key] != nil else {
                    queues[key] = []
                    return true
                }
                queues[key, default: []].append(continuation)
                return false
            }
            if free { continuation.resume() }
        }
    }

    private func leave(_ key: Key) {
        let next = queues.withLockedValue { queues -> CheckedContinuation<Void, Never>? in
            guard var waiting = queues[key], !waiting.isEmpty else {
                queues[key] = nil
                return nil
            }
            let first = waiting.removeFirst()
            queues[key] = waiting
            return first
        }
        next?.resume()
    }
}
