import Fluent
import Vapor

/// Vapor's database sessions with the writes nobody needs left out: a session with nothing in
/// it is never stored (so a bot with a made-up cookie costs no row), and a session is written
/// back only when its data changed (so reading a page costs no write). The table keeps only a
/// SHA-256 of each cookie's value, so neither a copy of the database nor a log of its queries
/// holds a cookie that signs anyone in.
struct SessionStore: SessionDriver {
    /// The data as this request read it, to tell whether it changed.
    private struct ReadKey: StorageKey { typealias Value = [String: String] }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        let id = Self.newID()
        guard !data.snapshot.isEmpty else { return request.eventLoop.makeSucceededFuture(id) }
        return SessionRecord(key: Self.stored(id), data: data).create(on: request.db).map { id }
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.stored(sessionID)).first().map { record in
            request.storage[ReadKey.self] = record?.data.snapshot
            return record?.data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID>
    {
        guard request.storage[ReadKey.self] != data.snapshot else {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        return SessionRecord.query(on: request.db).filter(\.$key == Self.stored(sessionID)).set(\.$data, to: data)
            .update().map { sessionID }
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        SessionRecord.query(on: request.db).filter(\.$key == Self.stored(sessionID)).delete()
    }

    /// What the table keeps of a cookie's value.
    static func stored(_ id: SessionID) -> SessionID {
        SessionID(string: Secrets.sha256Hex(id.string))
    }

    private static func newID() -> SessionID {
        SessionID(string: [UInt8].random(count: 32).base64)
    }
}

/// A session is nobody's public page.
extension SessionRecord: UnpublishedRecord {}
