import NIOConcurrencyHelpers
import Vapor

/// bcrypt is made to be slow, and it runs on the thread pool that also serves files: a flood of
/// sign-ins must not queue hashing work without end and slow every page. At most `running`
/// hashes run at once and `waiting` more wait their turn; anyone past that is told at once to
/// try again shortly (503 with Retry-After), in their language.
final class PasswordWork: Sendable {
    let running: Int
    let waiting: Int
    private let state = NIOLockedValueBox<(busy: Int, queue: [CheckedContinuation<Void, Never>])>((0, []))

    init(running: Int = max(2, System.coreCount), waiting: Int = 64) {
        self.running = running
        self.waiting = waiting
    }

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await body()
    }

    private struct Full: Error {}

    private func enter() async throws {
        var full = false
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state -> Bool in
                if state.busy < running {
                    state.busy += 1
                    return true
                }
                if state.queue.count >= waiting {
                    full = true
                    return true
                }
                state.queue.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        if full { throw Abort(.serviceUnavailable, headers: ["Retry-After": "5"], reason: "busy") }
    }

    private func leave() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            // The slot passes straight to the next in line, or is given back.
            guard !state.queue.isEmpty else {
                state.busy -= 1
                return nil
            }
            return state.queue.removeFirst()
        }
        next?.resume()
    }

    /// How many hash right now, and how many wait.
    var load: (busy: Int, waiting: Int) { state.withLockedValue { ($0.busy, $0.queue.count) } }
}

extension Application {
    private struct PasswordWorkKey: StorageKey { typealias Value = PasswordWork }

    /// Set up in `configure`.
    var passwordWork: PasswordWork {
        get {
            guard let work = storage[PasswordWorkKey.self] else {
                fatalError("configure(_:settings:) sets up the password work")
            }
            return work
        }
        set { storage[PasswordWorkKey.self] = newValue }
    }
}

extension Request {
    /// A bcrypt hash of `password`, within the cap on hashing at once.
    func hashPassword(_ password: String) async throws -> String {
        try await application.passwordWork.run { try await self.password.async.hash(password) }
    }

    /// Whether `password` matches `hash`, within the cap on hashing at once; false for a hash
    /// that cannot be read.
    func verifyPassword(_ password: String, against hash: String) async throws -> Bool {
        try await application.passwordWork.run {
            (try? await self.password.async.verify(password, created: hash)) ?? false
        }
    }
}
