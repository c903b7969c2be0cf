import Vapor

extension Request {
    private static let flashKey = "flash"

    /// A one-time message shown at the top of the next page ("Saved.").
    func flash(_ message: String) {
        session.data[Self.flashKey] = message
    }

    /// The waiting flash message, removed as it is read.
    func takeFlash() -> String? {
        guard hasSession, let message = session.data[Self.flashKey] else { return nil }
        session.data[Self.flashKey] = nil
        return message
    }
}
