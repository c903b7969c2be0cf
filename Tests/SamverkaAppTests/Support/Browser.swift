import Foundation
import Testing
import Vapor
import VaporTesting

@testable import SamverkaApp

/// A visitor with a cookie jar: keeps the session and language cookies between requests and
/// fills in the CSRF token from the last page with a form, as a real browser would.
final class Browser {
    let app: Application
    private var cookies: [String: String] = [:]
    private(set) var csrfToken: String?

    init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form; the CSRF token is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, form: [String: String], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = form
        if csrf, let token = csrfToken { fields["_csrf"] = token }
        return try await post(path, fields: fields.map { ($0.key, $0.value) })
    }

    /// Posts fields in order, a name as often as it comes (`themes[]` with every chosen theme).
    @discardableResult
    func post(_ path: String, fields: [(String, String)]) async throws -> TestingHTTPResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Opens `page` and presses the button of its form for `action` without changing anything,
    /// sending exactly what Chromium would (see `FormReader`).
    @discardableResult
    func submitUnchanged(page: String, action: String) async throws -> TestingHTTPResponse {
        let html = try await get(page).text
        return try await post(action, fields: try FormReader.fields(of: html, action: action))
    }

    /// Posts a form as multipart/form-data with one file, as a browser sends an upload.
    @discardableResult
    func postMultipart(
        _ path: String, form: [String: String], file: (field: String, name: String, type: String, bytes: [UInt8])
    ) async throws -> TestingHTTPResponse {
        var fields = form
        if let token = csrfToken { fields["_csrf"] = token }
        let boundary = "----samverka-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n"
        )
        body.writeBytes(file.bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: body)
    }

    private func send(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?
    ) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            guard let pair = header.split(separator: ";").first else { continue }
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if header.lowercased().contains("max-age=0") || header.lowercased().contains("expires=thu, 01 jan 1970") {
                cookies[parts[0]] = nil
            } else {
                cookies[parts[0]] = parts[1]
            }
        }
        if let token = Self.csrf(in: response.body.string) { csrfToken = token }
        return response
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else {
            return nil
        }
        let match = String(html[range])
        return match.split(separator: "\"").dropFirst(3).first.map(String.init)
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Creates a member with a role directly in the database and signs them in through the form.
    func signIn(
        as role: Role, email: String = "person@example.org", password: String = "correct horse battery"
    ) async throws {
        let hash = try await app.password.async.hash(password)
        try await Member(
            email: email, name: "Test \(role.rawValue)", passwordHash: hash, role: role, language: .sv,
            emailConfirmedAt: testNow
        ).save(on: app.db)
        try await get("/sign-in")
        let response = try await post("/sign-in", form: ["email": email, "password": password])
        #expect(response.status == .seeOther, "signing in as \(role) should redirect")
    }
}
