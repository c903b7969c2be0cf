import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321): EHLO, STARTTLS when offered, AUTH PLAIN when configured,
/// then one message per envelope. Enough for a relay such as the organisation's mail server.
struct SMTPClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// A 5xx answer: trying again will not help.
        let permanent: Bool
    }

    let server: SMTPServer
    let helloName: String

    /// The server offered no TLS, and the password would cross the network in the clear.
    struct CredentialsNeedTLS: Error, CustomStringConvertible {
        let host: String
        var description: String {
            "\(host) offers no TLS; the SMTP password is only ever sent encrypted (use smtps:// or a server with STARTTLS)"
        }
    }

    /// A user name and password go only over TLS, or to a relay on this very machine.
    static func mayAuthenticate(_ server: SMTPServer, secured: Bool) -> Bool {
        server.username == nil || secured || ["127.0.0.1", "::1", "localhost"].contains(server.host.lowercased())
    }

    /// Sends `message` (a complete RFC 5322 text) from `sender` to `recipient`.
    func send(_ message: String, from sender: String, to recipient: String) async throws {
        let session = try await SMTPSession.connect(server)
        do {
            try await session.expect(220)
            var capabilities = try await session.command("EHLO \(helloName)", expecting: 250)
            var secured = server.implicitTLS
            if !server.implicitTLS, capabilities.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) {
                _ = try await session.command("STARTTLS", expecting: 220)
                try await session.startTLS(host: server.host)
                capabilities = try await session.command("EHLO \(helloName)", expecting: 250)
                secured = true
            }
            guard Self.mayAuthenticate(server, secured: secured) else { throw CredentialsNeedTLS(host: server.host) }
            if let username = server.username {
                let credentials = Data(([0] + Array(username.utf8) + [0] + Array((server.password ?? "").utf8)))
                    .base64EncodedString()
                _ = try await session.command("AUTH PLAIN \(credentials)", expecting: 235)
            }
            _ = try await session.command("MAIL FROM:<\(sender)>", expecting: 250)
            _ = try await session.command("RCPT TO:<\(recipient)>", expecting: 250, 251)
            _ = try await session.command("DATA", expecting: 354)
            _ = try await session.command(Self.dotStuffed(message) + ".", expecting: 250)
            _ = try? await session.command("QUIT", expecting: 221)
            await session.close()
        } catch {
            await session.close()
            throw error
        }
    }

    /// CRLF line ends, and a leading dot doubled so that no line ends the data early.
    static func dotStuffed(_ message: String) -> String {
        var text = ""
        for line in message.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            text += (line.hasPrefix(".") ? "." : "") + line + "\r\n"
        }
        return text
    }
}

/// One SMTP reply: its code and the text of each line.
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
}

/// The connection of one delivery: writes commands and waits for complete replies.
final class SMTPSession: Sendable {
    private let channel: any Channel
    private let replies: SMTPReplyHandler

    private init(channel: any Channel, replies: SMTPReplyHandler) {
        self.channel = channel
        self.replies = replies
    }

    static func connect(_ server: SMTPServer) async throws -> SMTPSession {
        let replies = SMTPReplyHandler()
        let tls = server.implicitTLS ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: tls, serverHostname: server.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(replies)
                }
            }
            .connect(host: server.host, port: server.port).get()
        return SMTPSession(channel: channel, replies: replies)
    }

    func expect(_ codes: Int...) async throws {
        try Self.check(try await replies.next(on: channel).get(), codes)
    }

    @discardableResult
    func command(_ line: String, expecting codes: Int...) async throws -> SMTPReply {
        let reply = replies.next(on: channel)
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line.hasSuffix("\r\n") ? line : line + "\r\n")
        try await channel.writeAndFlush(buffer)
        return try Self.check(try await reply.get(), codes)
    }

    func startTLS(host: String) async throws {
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        let handler = try NIOSSLClientHandler(context: context, serverHostname: host)
        try await channel.pipeline.addHandler(handler, position: .first)
    }

    func close() async {
        try? await channel.close()
    }

    @discardableResult
    private static func check(_ reply: SMTPReply, _ codes: [Int]) throws -> SMTPReply {
        guard codes.contains(reply.code) else {
            throw SMTPClient.Failure(
                description: "SMTP \(reply.code): \(reply.lines.joined(separator: " "))",
                permanent: (500..<600).contains(reply.code))
        }
        return reply
    }
}

/// Gathers reply lines ("250-first", "250 last") into replies and hands each to the command
/// waiting for it.
final class SMTPReplyHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private struct State {
        var text = ""
        var lines: [String] = []
        var waiting: [EventLoopPromise<SMTPReply>] = []
        var ready: [SMTPReply] = []
    }

    private let state = NIOLockedValueBox(State())

    /// The next reply; ask before writing the command so that no reply is missed.
    func next(on channel: any Channel) -> EventLoopFuture<SMTPReply> {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        state.withLockedValue { state in
            if state.ready.isEmpty { state.waiting.append(promise) } else { promise.succeed(state.ready.removeFirst()) }
        }
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let chunk = buffer.readString(length: buffer.readableBytes) ?? ""
        let finished: [(EventLoopPromise<SMTPReply>?, SMTPReply)] = state.withLockedValue { state in
            state.text += chunk
            var done: [(EventLoopPromise<SMTPReply>?, SMTPReply)] = []
            while let end = state.text.range(of: "\n") {
                let line = String(state.text[..<end.lowerBound]).trimmingCharacters(in: .init(charactersIn: "\r"))
                state.text.removeSubrange(..<end.upperBound)
                let code = Int(line.prefix(3)) ?? 0
                state.lines.append(String(line.dropFirst(4)))
                guard line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" else { continue }
                let reply = SMTPReply(code: code, lines: state.lines)
                state.lines = []
                if state.waiting.isEmpty {
                    state.ready.append(reply)
                    continue
                }
                done.append((state.waiting.removeFirst(), reply))
            }
            return done
        }
        for (promise, reply) in finished { promise?.succeed(reply) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let waiting = state.withLockedValue { state in
            defer { state.waiting = [] }
            return state.waiting
        }
        for promise in waiting {
            promise.fail(SMTPClient.Failure(description: "The SMTP server closed the connection", permanent: false))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
