import Foundation
import Vapor

/// A one-line progress bar, drawn only when the output is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let console: any Console
    private let enabled: Bool
    private let width = 30

    init(console: any Console) {
        self.console = console
        enabled = isatty(STDOUT_FILENO) == 1
    }

    func update(done: Int, total: Int, label: String) {
        guard enabled, total > 0 else { return }
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let name = label.count > 40 ? "…" + label.suffix(39) : label
        console.output(
            "\r[\(bar)] \(done)/\(total) \(name)".padding(toLength: width + 60, withPad: " ", startingAt: 0)
                .consoleText(), newLine: false)
    }

    func finish() {
        guard enabled else { return }
        console.output("", newLine: true)
    }
}
