import Fluent
import Vapor

/// `samverka user create --email … [--name …] [--role admin|moderator|member]`
/// `samverka user role --email … --role …`
///
/// The password comes from `SAMVERKA_PASSWORD` or a hidden prompt, never from a flag that
/// would land in the shell's history.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create or role")
        var action: String

        @Option(name: "email", help: "The member's email address")
        var email: String?

        @Option(name: "name", help: "The member's name (create; defaults to the address)")
        var name: String?

        @Option(name: "role", help: "admin, moderator or member (default member)")
        var role: String?

        @Option(name: "language", help: "sv or en (default sv)")
        var language: String?
    }

    var help: String { "Creates a member or changes a member's role." }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let email = signature.email?.trimmingCharacters(in: .whitespaces), EmailAddress.isValid(email) else {
            throw Failure(description: "Give a valid --email.")
        }
        let roleName = signature.role ?? Role.member.rawValue
        guard let role = Role(rawValue: roleName) else {
            throw Failure(description: "--role must be admin, moderator or member.")
        }
        switch signature.action {
        case "create":
            guard try await Member.find(email: email, on: app.db) == nil else {
                throw Failure(
                    description: "A member with that address exists already; use `user role` to change the role.")
            }
            let password = try readPassword(context)
            guard password.count >= PasswordRules.minimumLength else {
                throw Failure(description: "The password must have at least \(PasswordRules.minimumLength) characters.")
            }
            let hash = try await app.password.async.hash(password)
            let language = Language(rawValue: signature.language ?? "sv") ?? .sv
            let member = Member(
                email: email, name: signature.name ?? email, passwordHash: hash, role: role, language: language,
                emailConfirmedAt: Date())
            try await member.save(on: app.db)
            context.console.print("Created \(member.email) as \(role.rawValue).")
        case "role":
            guard let member = try await Member.find(email: email, on: app.db) else {
                throw Failure(description: "No member has that address.")
            }
            member.role = role
            try await member.save(on: app.db)
            context.console.print("\(member.email) is now \(role.rawValue).")
        default:
            throw Failure(description: "Unknown action \(signature.action); use create or role.")
        }
    }

    private func readPassword(_ context: CommandContext) throws -> String {
        if let password = Environment.get("SAMVERKA_PASSWORD"), !password.isEmpty { return password }
        context.console.output("Password: ", newLine: false)
        let first = context.console.input(isSecure: true)
        context.console.output("Again: ", newLine: false)
        let second = context.console.input(isSecure: true)
        guard first == second else { throw Failure(description: "The passwords differ.") }
        return first
    }
}
