import ConsoleKit
import Foundation
import Vapor

/// A console that records what a command prints and answers prompts from a script.
final class TestConsole: Console, @unchecked Sendable {
    var output = ""
    var inputs: [String] = []
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (80, 24) }

    func input(isSecure: Bool) -> String { inputs.isEmpty ? "" : inputs.removeFirst() }
    func output(_ text: ConsoleText, newLine: Bool) { output += text.description + (newLine ? "\n" : "") }
    func report(error: String, newLine: Bool) { output += error + (newLine ? "\n" : "") }
    func clear(_ type: ConsoleClear) {}
}

/// Runs one command with its arguments, as `samverka NAME ARGUMENTS…` would.
func runCommand(
    _ command: some AsyncCommand, _ arguments: [String], on app: Application, console: TestConsole = TestConsole()
) async throws {
    var context = CommandContext(console: console, input: CommandInput(arguments: ["samverka"] + arguments))
    context.application = app
    try await command.run(using: &context)
}
