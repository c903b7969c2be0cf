import Fluent
import Vapor

/// The nightly tidying of accounts, run by `samverka purge`: accounts never confirmed within a
/// week, links that can no longer be used, and sessions nobody will come back to.
struct AccountChores: Sendable {
    static let unconfirmedLifetime: TimeInterval = 7 * 86_400
    /// A visitor's session (a form token, a language) is kept this long after it began.
    static let visitorSessionLifetime: TimeInterval = 2 * 86_400

    struct Purged: Equatable {
        var unconfirmedAccounts = 0
        var links = 0
        var sessions = 0
    }

    let app: Application
    let now: Date

    func purge() async throws -> Purged {
        let database = app.db
        var purged = Purged()
        let stale = Member.query(on: database).filter(\.$emailConfirmedAt == nil)
            .filter(\.$createdAt < now.addingTimeInterval(-Self.unconfirmedLifetime))
        purged.unconfirmedAccounts = try await stale.copy().count()
        try await stale.delete()
        let links = AccountToken.query(on: database).group(.or) { either in
            either.filter(\.$expiresAt < now)
            either.filter(\.$usedAt != nil)
        }
        purged.links = try await links.copy().count()
        try await links.delete()
        purged.sessions = try await purgeSessions(on: database)
        return purged
    }

    /// Sessions past their end: signed-in ones by the policy's limits, visitors' after two days.
    /// Their data is JSON, so they are read in pages and judged here.
    private func purgeSessions(on database: any Database) async throws -> Int {
        let settings = app.settings
        var removed = 0
        var lastKey: String?
        while true {
            let query = SessionRecord.query(on: database).sort(\.$key).limit(500)
            if let lastKey { query.filter(\.$key > SessionID(string: lastKey)) }
            let page = try await query.all()
            guard let last = page.last else { break }
            lastKey = last.key.string
            let over = page.filter { record in
                let data = record.data.snapshot
                if let signedIn = SignInSessionPolicy.time(data[SignInSessionPolicy.signedInKey]) {
                    let seen = SignInSessionPolicy.time(data[SignInSessionPolicy.seenKey]) ?? signedIn
                    return now.timeIntervalSince(seen) > settings.sessionIdleTimeout
                        || now.timeIntervalSince(signedIn) > settings.sessionLifetime
                }
                // A visitor's session without a start time is from before they were stamped.
                let began = SignInSessionPolicy.time(data[SessionStamp.beganKey]) ?? .distantPast
                return now.timeIntervalSince(began) > Self.visitorSessionLifetime
            }
            if !over.isEmpty {
                try await SessionRecord.query(on: database).filter(\.$key ~~ over.map(\.key)).delete()
                removed += over.count
            }
        }
        return removed
    }
}
