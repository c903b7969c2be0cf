import Foundation
import NIOConcurrencyHelpers
import Testing

@testable import SamverkaApp

@Suite("Sign-up queue")
struct SignUpQueueTests {
    struct Broken: Error {}

    @Test("callers who arrive while a batch is admitted go in the next batch, in order, each with their own outcome")
    func batches() async throws {
        let queue = SignUpQueue<Int, Int, Int>(largestBatch: 10)
        let seen = NIOLockedValueBox<[[Int]]>([])
        let admit: SignUpQueue<Int, Int, Int>.Admit = { batch in
            seen.withLockedValue { $0.append(batch) }
            try await Task.sleep(for: .milliseconds(20))
            return batch.map { $0 % 7 == 0 ? .failure(Broken()) : .success($0 * 10) }
        }
        let outcomes = await withTaskGroup(of: (Int, Int?).self) { group in
            for item in 1...40 {
                group.addTask { (item, try? await queue.submit(1, item, admit: admit)) }
            }
            return await group.reduce(into: [Int: Int?]()) { $0[$1.0] = $1.1 }
        }
        for item in 1...40 {
            #expect(outcomes[item] == (item % 7 == 0 ? nil : item * 10))
        }
        let batches = seen.withLockedValue { $0 }
        #expect(batches.count < 40)
        #expect(batches.allSatisfy { $0.count <= 10 })
        #expect(batches.flatMap { $0 }.sorted() == Array(1...40))

        // A failing batch fails its callers only; the line goes on.
        let failing: SignUpQueue<Int, Int, Int>.Admit = { _ in throw Broken() }
        await #expect(throws: Broken.self) { try await queue.submit(1, 1, admit: failing) }
        // Whoever joins while the failing line is still open is served by its admit, by design;
        // the line going on means a caller after it closes is served by their own.
        for _ in 0..<200 where queue.isAdmitting(1) { try await Task.sleep(for: .milliseconds(5)) }
        #expect(try await queue.submit(1, 2, admit: admit) == 20)
    }
}
