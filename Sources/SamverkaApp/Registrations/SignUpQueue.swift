import Foundation
import NIOConcurrencyHelpers

/// Sign-ups to one event wait here and are let in in batches: whoever arrives while a batch is
/// being admitted joins the next one, and each batch is one transaction. When a popular event
/// opens and a thousand people press the button at once, the database sees a few dozen
/// transactions instead of a thousand, each person still gets their place in order of arrival,
/// and each gets their own answer (a seat, a place in line, or a refusal).
final class SignUpQueue<Key: Hashable & Sendable, Item: Sendable, Outcome: Sendable>: Sendable {
    typealias Admit = @Sendable ([Item]) async throws -> [Result<Outcome, any Error>]

    private struct Ticket {
        let item: Item
        let continuation: CheckedContinuation<Outcome, any Error>
    }

    private struct Line {
        var waiting: [Ticket] = []
        var admitting = false
    }

    private let lines = NIOLockedValueBox<[Key: Line]>([:])
    /// A batch is capped so that one transaction stays short.
    let largestBatch: Int

    init(largestBatch: Int = 250) {
        self.largestBatch = largestBatch
    }

    /// How many sign-ups wait for their batch now, over every event.
    var waitingCount: Int {
        lines.withLockedValue { $0.values.reduce(0) { $0 + $1.waiting.count } }
    }

    /// Whether a batch for `key` is being admitted (its line is open).
    func isAdmitting(_ key: Key) -> Bool {
        lines.withLockedValue { $0[key] != nil }
    }

    /// Waits for `item`'s batch to be admitted by `admit` (the first caller's `admit` serves
    /// everyone queued behind it, so it must not depend on who called).
    func submit(_ key: Key, _ item: Item, admit: @escaping Admit) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let startAdmitting = lines.withLockedValue { lines in
                var line = lines[key] ?? Line()
                line.waiting.append(Ticket(item: item, continuation: continuation))
                defer {
                    line.admitting = true
                    lines[key] = line
                }
                return !line.admitting
            }
            if startAdmitting {
                Task { await self.admitAll(key, admit) }
            }
        }
    }

    private func admitAll(_ key: Key, _ admit: Admit) async {
        while let batch = nextBatch(key) {
            do {
                let outcomes = try await admit(batch.map(\.item))
                for (ticket, outcome) in zip(batch, outcomes) { ticket.continuation.resume(with: outcome) }
                for ticket in batch.dropFirst(outcomes.count) {
                    ticket.continuation.resume(throwing: CancellationError())
                }
            } catch {
                for ticket in batch { ticket.continuation.resume(throwing: error) }
            }
        }
    }

    /// The next batch in order of arrival, or nil (and the line closed) when nobody waits.
    private func nextBatch(_ key: Key) -> [Ticket]? {
        lines.withLockedValue { lines in
            guard var line = lines[key], !line.waiting.isEmpty else {
                lines[key] = nil
                return nil
            }
            let batch = Array(line.waiting.prefix(largestBatch))
            line.waiting.removeFirst(batch.count)
            lines[key] = line
            return batch
        }
    }
}
