import Vapor

extension HTTPHeaders {
    /// Whether the client already holds the answer tagged `etag`: its `If-None-Match` names the
    /// tag among others, or is `*`.
    func clientHolds(etag: String) -> Bool {
        self[.ifNoneMatch].lazy.flatMap { $0.split(separator: ",") }.contains { sent in
            let tag = sent.trimmingCharacters(in: .whitespaces)
            return tag == etag || tag == "*"
        }
    }
}
