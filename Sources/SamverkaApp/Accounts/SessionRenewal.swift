import Vapor

extension Request {
    /// Gives the session a new id, keeping its data, and forgets the old one.
    ///
    /// Done whenever a member signs in, so an id an attacker planted before sign-in (session
    /// fixation) never becomes a signed-in session.
    func renewSessionID() async throws {
        guard let old = session.id else { return }
        try await application.sessions.driver.deleteSession(old, for: self).get()
        session.id = nil
    }
}
