import Foundation
import Testing
import Vapor

@testable import SamverkaApp

@Suite("The cap on password hashing")
struct PasswordWorkTests {
    @Test("past the running and waiting places, a request is told at once to come back; the others all finish")
    func cap() async throws {
        let work = PasswordWork(running: 1, waiting: 1)
        let release = AsyncStream<Void>.makeStream()
        async let first: Int = work.run {
            for await _ in release.stream { break }
            return 1
        }
        while work.load.busy < 1 { try await Task.sleep(for: .milliseconds(5)) }
        async let second: Int = work.run { 2 }
        while work.load.waiting < 1 { try await Task.sleep(for: .milliseconds(5)) }
        do {
            _ = try await work.run { 3 }
            Issue.record("a third request found room where there was none")
        } catch let error as Abort {
            #expect(error.status == .serviceUnavailable)
            #expect(error.headers.first(name: .retryAfter) == "5")
        }
        release.continuation.yield()
        #expect(try await first == 1)
        #expect(try await second == 2)
        #expect(work.load.busy == 0 && work.load.waiting == 0)
    }
}
