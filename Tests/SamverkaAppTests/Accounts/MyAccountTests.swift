import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("My account: my data and deleting the account")
struct MyAccountTests {
    @Test("a member downloads everything held about them as JSON; nobody else's")
    func dataExport() async throws {
        try await withSamverka { app in
            let question = RegistrationQuestion(
                key: "diet", kind: .shortText, label: "Matönskemål", required: false, choices: [])
            let fixture = try await RegistrationFixture.make(app, capacity: 5, questions: [question])
            let (anna, _) = try await fixture.signUp("anna@example.org", form: ["q_diet": "Vegan"])
            _ = try await fixture.signUp("bo@example.org", form: ["q_diet": "Allt"])

            let page = try await anna.get("/account")
            #expect(page.status == .ok)
            #expect(page.text.contains("Ditt konto") && page.text.contains("anna@example.org"))
            #expect(page.headers.first(name: .cacheControl) == "no-store")

            let download = try await anna.get("/account/data.json")
            #expect(download.status == .ok)
            #expect(
                download.headers.first(name: .contentDisposition)?.contains(
                    "attachment; filename=\"samverka-2026-01-01.json\"") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.text.utf8)) as? [String: Any])
            let member = try #require(json["member"] as? [String: Any])
            #expect(member["email"] as? String == "anna@example.org")
            let registrations = try #require(json["registrations"] as? [[String: Any]])
            #expect(registrations.count == 1)
            #expect(registrations.first?["title"] as? String == "Workshop om öppna data")
            #expect(registrations.first?["status"] as? String == "confirmed")
            let answers = try #require(registrations.first?["answers"] as? [[String: Any]])
            #expect(answers.first?["question"] as? String == "Matönskemål")
            #expect(answers.first?["answer"] as? [String] == ["Vegan"])
            let mail = try #require(json["mail"] as? [[String: Any]])
            #expect(mail.count == 1)
            // Mail to the same address that is not the member's (a guest gave it once) is not theirs.
            let stranger = MailMessage(
                to: "anna@example.org", toName: "Någon", subject: "Till en gäst", text: "Hemligt", html: "")
            try await OutgoingMail(kind: "registration.confirm_address", message: stranger, sendAfter: testNow).save(
                on: app.db)
            #expect(!(try await anna.get("/account/data.json").text.contains("Till en gäst")))
            #expect(!download.text.contains("bo@example.org") && !download.text.contains("Allt"))
            #expect(!download.text.contains("password"))

            #expect(try await app.testing().sendRequest(.GET, "/account/data.json").status == .seeOther)
        }
    }

    @Test(
        "deleting the account needs the password, cancels sign-ups, gives the seat to the next in line and forgets the person"
    )
    func deletion() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1)
            let (anna, _) = try await fixture.signUp("anna@example.org")
            _ = try await fixture.signUp("bo@example.org")
            #expect(try await fixture.registrations().map(\.status) == [.confirmed, .waiting])

            try await anna.get("/account")
            let wrong = try await anna.post("/account/delete", form: ["password": "not my password"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Lösenordet stämmer inte."))
            #expect(try await Member.find(email: "anna@example.org", on: app.db) != nil)

            let deleted = try await anna.post("/account/delete", form: ["password": "correct horse battery"])
            #expect(deleted.status == .ok)
            #expect(deleted.text.contains("Kontot är raderat"))
            #expect(try await Member.find(email: "anna@example.org", on: app.db) == nil)
            let rows = try await fixture.registrations()
            #expect(rows.map(\.status) == [.cancelled, .confirmed])
            #expect(rows[0].$member.id == nil && rows[0].answers.isEmpty)
            #expect(try await fixture.mail("promoted").first?.toAddress == "bo@example.org")
            #expect(try await OutgoingMail.query(on: app.db).filter(\.$toAddress == "anna@example.org").count() == 0)
            // Signed out, and the old session no longer opens the account.
            #expect(try await anna.get("/account").status == .seeOther)
            try await anna.get("/sign-in")
            let signIn = try await anna.post(
                "/sign-in", form: ["email": "anna@example.org", "password": "correct horse battery"])
            #expect(signIn.status == .unauthorized)
        }
    }

    @Test(
        "every table that names members has a personal-data holder, each holder a part in the download, and after deletion no table names the member"
    )
    func everyHolderCovered() async throws {
        try await withSamverka { app in
            let programme = try await ProgrammeFixture.make(app, requiresPublicParty: false)
            let (organisation, owner) = try await programme.organisation(
                "foreningen", "Föreningen", .civilSociety, email: "owner@example.org")
            let activity = try await programme.submit(owner, ProgrammeFixture.form("foreningen", title: "Datakväll"))
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            let (anna, _) = try await fixture.signUp("anna@example.org")
            let member = try #require(try await Member.find(email: "anna@example.org", on: app.db))
            let annaID = try member.requireID()
            try await app.addMember("anna@example.org", to: organisation, as: .editor)
            let group = try await EventPublishingTests.group(app)
            try await LocalGroupOrganiser(groupID: try group.requireID(), memberID: annaID).save(on: app.db)
            try await StarredActivity(memberID: annaID, activityID: try activity.requireID()).save(on: app.db)
            try await ActivityLogEntry(
                activityID: try activity.requireID(), memberID: annaID, kind: .changed, message: "Ny tid"
            ).save(on: app.db)
            try await MemberNotification(
                memberID: annaID, kind: .activitySubmitted, values: ["title": "Datakväll"], link: "/"
            ).save(on: app.db)

            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(try await anna.get("/account/data.json").text.utf8))
                    as? [String: Any])
            for section in app.personalData.holders.map(\.section) {
                let key = section.replacing(/[A-Z]/) { "_" + $0.output.lowercased() }
                #expect((json[key] as? [Any])?.isEmpty == false, "the download's \(key) part is empty")
            }
            #expect(((json["local_groups"] as? [[String: Any]])?.first?["group"] as? String) == "Civic Tech Umeå")

            let sql = try #require(app.db as? any SQLDatabase)
            let answered = Set(app.personalData.holders.flatMap(\.tables) + AccountDeletion.ownTables)
            let columns = try await Self.uuidColumns(sql)
            #expect(
                columns.contains { $0 == (Registration.schema, "member_id") },
                "the scan of the schema finds the columns")
            for (table, column) in columns where column == "member_id" {
                #expect(answered.contains(table), "\(table) names members, and no personal-data holder answers for it")
            }

            try await anna.get("/account")
            #expect(try await anna.post("/account/delete", form: ["password": "correct horse battery"]).status == .ok)
            for (table, column) in try await Self.uuidColumns(sql) {
                let rows = try await sql.select().column(
                    SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n"))
                ).from(table)
                    .where(SQLIdentifier(column), .equal, SQLBind(annaID)).first()?.decode(column: "n", as: Int.self)
                #expect(rows == 0, "\(table).\(column) still names the deleted member")
            }
        }
    }

    /// Every column that holds a UUID, in every table, on either database.
    static func uuidColumns(_ sql: any SQLDatabase) async throws -> [(String, String)] {
        if sql.dialect.name == "postgresql" {
            return try await sql.raw(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'uuid'"
            )
            .all().map {
                (
                    try $0.decode(column: "table_name", as: String.self),
                    try $0.decode(column: "column_name", as: String.self)
                )
            }
        }
        var columns: [(String, String)] = []
        for table in try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map({
            try $0.decode(column: "name", as: String.self)
        }) {
            for column in try await sql.raw("SELECT name, type FROM pragma_table_info(\(bind: table))").all()
            where try column.decode(column: "type", as: String.self).uppercased().contains("UUID")
                || column.decode(column: "name", as: String.self).hasSuffix("_id")
            {
                columns.append((table, try column.decode(column: "name", as: String.self)))
            }
        }
        return columns
    }

    @Test("the only administrator cannot delete their account")
    func lastAdmin() async throws {
        try await withSamverka { app in
            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            try await admin.get("/account")
            let refused = try await admin.post("/account/delete", form: ["password": "correct horse battery"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Du är den enda administratören"))
            #expect(try await Member.find(email: "admin@example.org", on: app.db) != nil)
        }
    }
}
