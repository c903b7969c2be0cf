import Foundation
import Testing

@testable import SamverkaApp

@Suite("Samverka finds its own files from any working directory")
struct SamverkaHomeTests {
    /// A folder laid out as an installed Samverka: Resources/Locales/sv.json and a binary below.
    static func install() throws -> String {
        let root = NSTemporaryDirectory() + "samverka-home-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/Resources/Locales", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.build/release", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/Resources/Locales/sv.json", contents: Data("{}".utf8))
        return root
    }

    @Test("the checkout is found upward from the binary when started elsewhere")
    func fromBinary() throws {
        let root = try Self.install()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let found = try SamverkaHome.locate(
            setting: nil, workingDirectory: "/tmp", executable: root + "/.build/release/samverka")
        #expect(
            URL(fileURLWithPath: found).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: root).resolvingSymlinksInPath().path)
        #expect(try SamverkaHome.locate(setting: nil, workingDirectory: root, executable: nil) == root + "/")
    }

    @Test("SAMVERKA_HOME wins, and a wrong one or none found says what to set")
    func setting() throws {
        let root = try Self.install()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(
            try SamverkaHome.locate(setting: root, workingDirectory: "/", executable: "/usr/bin/samverka") == root + "/"
        )
        #expect(throws: SamverkaHome.NotFound.self) {
            try SamverkaHome.locate(setting: "/nowhere", workingDirectory: root, executable: nil)
        }
        do {
            _ = try SamverkaHome.locate(setting: nil, workingDirectory: "/", executable: "/usr/bin/samverka")
            Issue.record("nothing should be found")
        } catch {
            #expect(error.description.contains("Set SAMVERKA_HOME"))
            #expect(error.description.contains("/usr/bin"))
        }
    }
}
