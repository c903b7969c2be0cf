import Foundation
import Testing

/// Compares a rendered page with its recorded snapshot in `__Snapshots__/NAME.html`.
///
/// A missing snapshot is recorded and the test fails once, so a new snapshot is always looked
/// at before it is committed; `SAMVERKA_RECORD_SNAPSHOTS=1` re-records all of them. Per-session
/// values (the CSRF token) are replaced by a placeholder first.
func expectSnapshot(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = Fixtures.packageRoot.appendingPathComponent("Tests/SamverkaAppTests/__Snapshots__")
    let file = folder.appendingPathComponent(name + ".html")
    let normalised = html.replacing(/name="_csrf" value="[^"]*"/, with: #"name="_csrf" value="CSRF""#)
    let record = ProcessInfo.processInfo.environment["SAMVERKA_RECORD_SNAPSHOTS"] == "1"
    guard !record, let recorded = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try normalised.write(to: file, atomically: true, encoding: .utf8)
        Issue.record(
            "Recorded a new snapshot \(name).html; look at it, then run the test again", sourceLocation: sourceLocation)
        return
    }
    guard recorded != normalised else { return }
    let old = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    let new = normalised.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "(end)"
    let now = line < new.count ? String(new[line]) : "(end)"
    Issue.record(
        "\(name).html differs at line \(line + 1):\n  recorded: \(was)\n  rendered: \(now)",
        sourceLocation: sourceLocation)
}
