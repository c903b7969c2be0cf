import Fluent
import Foundation
import Testing
import VaporTesting

@testable import SamverkaApp

/// An event a week after `testNow` with sign-up on Samverka.
struct RegistrationFixture {
    let app: Application
    let event: Event
    let setup: RegistrationSetup

    static func make(
        _ app: Application, capacity: Int? = 2, waitingList: Bool = true, approval: Bool = false,
        questions: [RegistrationQuestion] = []
    ) async throws -> RegistrationFixture {
        let event = try await app.makeEvent(
            slug: "workshop", title: "Workshop om öppna data", startsAt: testNow.addingTimeInterval(7 * 86_400))
        let setup = RegistrationSetup.fresh(for: EventSubject(event: event))
        setup.mode = .samverka
        setup.capacity = capacity
        setup.waitingList = waitingList
        setup.requiresApproval = approval
        setup.questions = questions
        try await setup.save(on: app.db)
        return RegistrationFixture(app: app, event: event, setup: setup)
    }

    /// A signed-in member who signs up through the form; returns their browser.
    func signUp(_ email: String, form: [String: String] = [:]) async throws -> (Browser, TestingHTTPResponse) {
        let browser = Browser(app)
        try await browser.signIn(as: .member, email: email)
        try await browser.get("/events/workshop/register")
        let response = try await browser.post("/events/workshop/register", form: form)
        return (browser, response)
    }

    func registrations() async throws -> [Registration] {
        try await Registration.query(on: app.db).sort(\.$arrival).with(\.$member).all()
    }

    func mail(_ kind: String) async throws -> [OutgoingMail] {
        try await OutgoingMail.query(on: app.db).filter(\.$kind == "registration.\(kind)").sort(\.$createdAt).all()
    }
}

@Suite("Registration")
struct RegistrationTests {
    @Test("sign-up elsewhere is offered to every visitor, not only to the organisers")
    func externalForVisitors() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app)
            fixture.setup.mode = .external
            fixture.setup.externalURL = "https://anmalan.example.org/workshop"
            try await fixture.setup.save(on: app.db)
            let page = try await app.testing().sendRequest(.GET, "/events/workshop").text
            #expect(page.contains(#"href="https://anmalan.example.org/workshop""#))
            #expect(!page.contains("Anmälan via Samverka är inte påslagen"))
            fixture.setup.mode = .off
            try await fixture.setup.save(on: app.db)
            #expect(
                !(try await app.testing().sendRequest(.GET, "/events/workshop").text.contains("registration-panel")))
        }
    }

    @Test("seats go first come first served, then the waiting list; a cancellation promotes the first in line")
    func capacityAndWaitingList() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 2)
            let (first, signed) = try await fixture.signUp("anna@example.org")
            #expect(signed.status == .seeOther)
            _ = try await fixture.signUp("bo@example.org")
            let (_, third) = try await fixture.signUp("cecilia@example.org")
            let personal = try #require(third.headers.first(name: .location))
            let (_, fourth) = try await fixture.signUp("david@example.org")
            #expect(fourth.status == .seeOther)
            #expect(try await fixture.registrations().map(\.status) == [.confirmed, .confirmed, .waiting, .waiting])

            let waitingPage = try await Browser(app).get(personal)
            #expect(waitingPage.text.contains("På väntelistan"))
            #expect(waitingPage.text.contains("plats 1 på väntelistan"))
            #expect(waitingPage.headers.first(name: .cacheControl) == "no-store")
            let eventPage = try await app.testing().sendRequest(.GET, "/events/workshop")
            #expect(eventPage.text.contains("Fullbokat – väntelistan är öppen."))

            // A member signed up already is told so rather than signed up twice.
            let again = try await first.get("/events/workshop/register")
            #expect(again.text.contains("Du är redan anmäld"))

            let anna = try #require(try await fixture.registrations().first)
            let cancelled = try await first.post("/registrations/\(anna.token)/cancel", form: [:])
            #expect(cancelled.status == .seeOther)
            #expect(try await fixture.registrations().map(\.status) == [.cancelled, .confirmed, .confirmed, .waiting])

            let confirmation = try #require(try await fixture.mail("confirmed").first)
            #expect(confirmation.toAddress == "anna@example.org")
            #expect(confirmation.subject == "Du är anmäld till Workshop om öppna data")
            #expect(confirmation.message.text.contains("/registrations/\(anna.token)"))
            let invite = try #require(confirmation.message.attachments.first)
            #expect(
                invite.content.contains("BEGIN:VEVENT") && invite.content.contains("SUMMARY:Workshop om öppna data"))
            #expect(try await fixture.mail("waiting").map(\.toAddress) == ["cecilia@example.org", "david@example.org"])
            #expect(try await fixture.mail("waiting").last?.message.text.contains("nummer 2 på väntelistan") == true)
            let promoted = try await fixture.mail("promoted")
            #expect(promoted.map(\.toAddress) == ["cecilia@example.org"])
            #expect(promoted.first?.message.attachments.count == 1)
            #expect(try await fixture.mail("cancelled").map(\.toAddress) == ["anna@example.org"])
        }
    }

    @Test("without a waiting list a full event refuses, and says so")
    func fullWithoutWaitingList() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1, waitingList: false)
            _ = try await fixture.signUp("anna@example.org")
            let late = Browser(app)
            try await late.signIn(as: .member, email: "bo@example.org")
            let form = try await late.get("/events/workshop/register")
            #expect(form.text.contains("Fullbokat."))
            #expect(!form.text.contains("<form method=\"post\" action=\"/events/workshop/register\""))
            let forced = try await late.post("/events/workshop/register", form: [:])
            #expect(forced.status == .conflict)
            #expect(forced.text.contains("Fullbokat."))
            #expect(try await fixture.registrations().count == 1)
        }
    }

    @Test("a guest confirms by the emailed link before the seat counts")
    func guestConfirmation() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            let guest = Browser(app)
            try await guest.get("/events/workshop/register")
            let invalid = try await guest.post(
                "/events/workshop/register", form: ["name": "", "email": "not an address"])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("Fyll i det här fältet") || invalid.text.contains("error-message"))
            #expect(invalid.text.contains("value=\"not an address\""))
            let sent = try await guest.post(
                "/events/workshop/register", form: ["name": "Gäst Gästsson", "email": "Gast@Example.org"])
            #expect(sent.status == .seeOther)
            let registration = try #require(try await fixture.registrations().first)
            #expect(registration.status == .unconfirmed)
            #expect(registration.guestEmail == "gast@example.org")
            let mail = try #require(try await fixture.mail("confirm_address").first)
            #expect(mail.message.text.contains("http://127.0.0.1:8080/registrations/\(registration.token)?lang=sv"))
            #expect(mail.message.attachments.isEmpty)

            // The same address cannot take a second place.
            try await guest.get("/events/workshop/register")
            let twice = try await guest.post(
                "/events/workshop/register", form: ["name": "Gäst", "email": "gast@example.org"])
            #expect(twice.status == .conflict)

            let stranger = Browser(app)
            let page = try await stranger.get("/registrations/\(registration.token)")
            #expect(page.text.contains("Väntar på att e-postadressen bekräftas"))
            try await stranger.post("/registrations/\(registration.token)/confirm", form: [:])
            #expect(try await fixture.registrations().first?.status == .confirmed)
            #expect(try await fixture.mail("confirmed").first?.toAddress == "gast@example.org")
            #expect(
                try await app.testing().sendRequest(.GET, "/registrations/not-a-real-token-at-all").status == .notFound)
        }
    }

    @Test("a guest who lost the mail gets the personal link again by address; the page says the same for any address")
    func resendPersonalLink() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            let guest = Browser(app)
            let form = try await guest.get("/events/workshop/register")
            #expect(form.text.contains(#"href="/events/workshop/register/link""#))
            try await guest.post(
                "/events/workshop/register", form: ["name": "Gäst Gästsson", "email": "gast@example.org"])
            try await guest.get("/events/workshop/register/link")
            #expect(
                try await guest.post("/events/workshop/register/link", form: ["email": "inte en adress"]).status
                    == .unprocessableEntity)
            // Not yet confirmed: the confirmation comes again.
            let again = try await guest.post("/events/workshop/register/link", form: ["email": "Gast@Example.org"])
            #expect(
                again.status == .ok && again.text.contains("Om gast@example.org är anmäld till Workshop om öppna data"))
            #expect(try await fixture.mail("confirm_address").count == 2)
            let registration = try #require(try await fixture.registrations().first)
            try await guest.post("/registrations/\(registration.token)/confirm", form: [:])

            try await guest.get("/events/workshop/register/link")
            try await guest.post("/events/workshop/register/link", form: ["email": "gast@example.org"])
            let resent = try #require(try await fixture.mail("resent").first)
            #expect(resent.message.text.contains("/registrations/\(registration.token)?lang=sv"))
            // An address that never signed up reads the same page and gets nothing.
            let unknown = try await guest.post("/events/workshop/register/link", form: ["email": "nagon@example.org"])
            #expect(unknown.text.contains("Om nagon@example.org är anmäld"))
            #expect(try await OutgoingMail.query(on: app.db).filter(\.$toAddress == "nagon@example.org").count() == 0)
        }
    }

    @Test("cancelling a seat asks first; only the answer gives the seat away")
    func cancelAsksFirst() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            let (member, _) = try await fixture.signUp("medlem@example.org")
            let registration = try #require(try await fixture.registrations().first)
            let personal = try await member.get("/registrations/\(registration.token)")
            #expect(personal.text.contains(#"href="/registrations/\#(registration.token)/cancel""#))
            let question = try await member.get("/registrations/\(registration.token)/cancel")
            #expect(question.text.contains("Vill du avboka din plats på Workshop om öppna data?"))
            #expect(try await fixture.registrations().first?.status == .confirmed)
            #expect(try await member.post("/registrations/\(registration.token)/cancel", form: [:]).status == .seeOther)
            #expect(try await fixture.registrations().first?.status == .cancelled)
        }
    }

    @Test("a guest who signs up is only told to check their inbox: the page never offers the confirmation")
    func guestLandsOnInboxNotice() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            for (language, heading) in [("sv", "Titta i din e-post"), ("en", "Check your email")] {
                let guest = Browser(app)
                try await guest.get("/events/workshop/register?lang=\(language)")
                let sent = try await guest.post(
                    "/events/workshop/register", form: ["name": "Gäst", "email": "gast-\(language)@example.org"])
                #expect(sent.status == .seeOther)
                let landing = try #require(sent.headers.first(name: .location))
                #expect(landing == "/events/workshop/register/sent")
                let page = try await guest.get(landing)
                #expect(page.status == .ok)
                #expect(page.text.contains(heading))
                let registration = try #require(try await fixture.registrations().last)
                #expect(!page.text.contains(registration.token))
                #expect(!page.text.contains("/confirm"))
                #expect(registration.status == .unconfirmed)
            }
            #expect(
                try await app.testing().sendRequest(.GET, "/events/no-such-event/register/sent").status == .notFound)
        }
    }

    @Test("a member's address cannot take a second place as a guest, nor a guest's as the member")
    func oneSeatPerPerson() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            let (_, signedUp) = try await fixture.signUp("anna@example.org")
            #expect(signedUp.status == .seeOther)
            let guest = Browser(app)
            try await guest.get("/events/workshop/register")
            let again = try await guest.post(
                "/events/workshop/register", form: ["name": "Anna", "email": "Anna@Example.org"])
            #expect(again.status == .conflict)
            #expect(again.text.contains("Du är redan anmäld med den här adressen."))

            try await guest.get("/events/workshop/register")
            #expect(
                try await guest.post(
                    "/events/workshop/register", form: ["name": "Björn", "email": "bjorn@example.org"]
                ).status == .seeOther)
            let (_, member) = try await fixture.signUp("bjorn@example.org")
            #expect(member.status == .conflict)
            #expect(try await fixture.registrations().count == 2)
        }
    }

    @Test("an event and its translation share one list of places: English visitors sign up on the English page")
    func translationPairSharesSignUp() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1)
            fixture.event.translationKey = "workshop-pair"
            try await fixture.event.save(on: app.db)
            try await app.makeEvent(
                slug: "workshop-en", title: "Open data workshop", startsAt: fixture.event.startsAt, language: .en,
                translationKey: "workshop-pair")
            let page = try await app.testing().sendRequest(.GET, "/events/workshop-en?lang=en")
            #expect(page.text.contains("/events/workshop-en/register"))
            let visitor = Browser(app)
            try await visitor.signIn(as: .member, email: "english@example.org")
            let form = try await visitor.get("/events/workshop-en/register?lang=en")
            #expect(form.status == .ok)
            #expect(form.text.contains("Open data workshop"))
            let signedUp = try await visitor.post("/events/workshop-en/register", form: [:])
            #expect(signedUp.status == .seeOther)
            let registration = try #require(try await fixture.registrations().first)
            #expect(registration.$setup.id == fixture.setup.id)
            #expect(registration.status == .confirmed)
            let mine = try await visitor.get(try #require(signedUp.headers.first(name: .location)))
            #expect(mine.text.contains("Open data workshop"))
            // The one seat is taken, whichever language the next person reads.
            let (_, swedish) = try await fixture.signUp("svensk@example.org")
            #expect(swedish.status == .seeOther)
            #expect(try await fixture.registrations().last?.status == .waiting)
        }
    }

    @Test("with approval on, a sign-up waits until the organiser approves or declines with a message")
    func approval() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1, approval: true)
            _ = try await fixture.signUp("anna@example.org")
            _ = try await fixture.signUp("bo@example.org")
            _ = try await fixture.signUp("cecilia@example.org")
            #expect(try await fixture.registrations().map(\.status) == [.pending, .pending, .pending])
            let organiser = Browser(app)
            try await organiser.signIn(as: .moderator, email: "moderator@example.org")
            let list = try await organiser.get("/events/workshop/attendees")
            #expect(list.status == .ok)
            #expect(list.text.contains("0 av 1 platser bokade"))
            let rows = try await fixture.registrations()
            try await organiser.post(
                "/events/workshop/attendees/\(try rows[0].requireID())",
                form: ["action": "approve", "message": "Välkommen!"])
            try await organiser.post(
                "/events/workshop/attendees/\(try rows[1].requireID())", form: ["action": "approve"])
            try await organiser.post(
                "/events/workshop/attendees/\(try rows[2].requireID())",
                form: ["action": "decline", "message": "Bara för kommuner."])
            #expect(try await fixture.registrations().map(\.status) == [.confirmed, .waiting, .declined])
            #expect(try await fixture.mail("approved").first?.message.text.contains("Välkommen!") == true)
            #expect(try await fixture.mail("declined").first?.message.text.contains("Bara för kommuner.") == true)
            // Deciding twice changes nothing.
            try await organiser.post(
                "/events/workshop/attendees/\(try rows[2].requireID())", form: ["action": "approve"])
            #expect(try await fixture.registrations().last?.status == .declined)
        }
    }

    @Test(
        "a moderator sees the attendees of the network's own events, not those of an organisation's event they are not part of"
    )
    func moderatorsAndOrganisationEvents() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 10)
            _ = try await fixture.signUp("anna@example.org")
            let moderator = Browser(app)
            try await moderator.signIn(as: .moderator, email: "moderator@example.org")
            #expect(try await moderator.get("/events/workshop/attendees").status == .ok)

            let organisation = Organisation()
            organisation.slug = "umea-kommun"
            organisation.name = "Umeå kommun"
            organisation.sector = .municipality
            organisation.description = ""
            try await organisation.save(on: app.db)
            try await fixture.event.$organisations.attach(organisation, on: app.db)
            for path in [
                "/events/workshop/attendees", "/events/workshop/attendees.csv", "/events/workshop/registration",
            ] {
                #expect(try await moderator.get(path).status == .forbidden, "\(path)")
            }
            try await app.addMember("moderator@example.org", to: organisation, as: .editor)
            #expect(try await moderator.get("/events/workshop/attendees").status == .ok)
        }
    }

    @Test("only the event's organisers and admins see attendees; hostile answers stay inert in the list and the CSV")
    func permissionsAndHostileAnswers() async throws {
        try await withSamverka { app in
            let question = RegistrationQuestion(
                key: "diet", kind: .shortText, label: "Matönskemål", required: true, choices: [])
            let choice = RegistrationQuestion(
                key: "track", kind: .singleChoice, label: "Spår", required: false, choices: ["Data", "AI"])
            let fixture = try await RegistrationFixture.make(app, capacity: 10, questions: [question, choice])
            let (attendee, missing) = try await fixture.signUp("anna@example.org", form: ["q_track": "c9"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Välj ett av alternativen."))
            try await attendee.get("/events/workshop/register")
            let signed = try await attendee.post(
                "/events/workshop/register",
                form: ["q_diet": "=HYPERLINK(\"http://evil\")<script>alert(1)</script>", "q_track": "c1"])
            #expect(signed.status == .seeOther)
            #expect(
                try await fixture.registrations().first?.answers.contains(
                    RegistrationAnswer(key: "track", values: ["AI"])) == true)

            for path in [
                "/events/workshop/attendees", "/events/workshop/attendees.csv", "/events/workshop/registration",
            ] {
                #expect(try await attendee.get(path).status == .forbidden, "\(path)")
            }
            #expect(
                try await attendee.post("/events/workshop/registration/cancel", form: ["message": "x"]).status
                    == .forbidden)
            #expect(try await app.testing().sendRequest(.GET, "/events/workshop/attendees").status == .seeOther)

            let admin = Browser(app)
            try await admin.signIn(as: .admin, email: "admin@example.org")
            let list = try await admin.get("/events/workshop/attendees")
            #expect(list.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!list.text.contains("<script>alert(1)"))
            let csv = try await admin.get("/events/workshop/attendees.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.text.contains("\"'=HYPERLINK(\"\"http://evil\"\")<script>alert(1)</script>\""))
            #expect(csv.text.contains("Matönskemål"))
        }
    }

    @Test("check-in at the door, a message to everyone confirmed, and cancelling the event tells everyone")
    func checkInMessageAndCancel() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 1)
            _ = try await fixture.signUp("anna@example.org")
            _ = try await fixture.signUp("bo@example.org")
            let organiser = Browser(app)
            try await organiser.signIn(as: .admin, email: "admin@example.org")
            try await organiser.get("/events/workshop/attendees")
            let anna = try #require(try await fixture.registrations().first)
            try await organiser.post("/events/workshop/attendees/\(try anna.requireID())", form: ["action": "attended"])
            #expect(try await fixture.registrations().first?.attendance == .attended)
            let waitingBo = try #require(try await fixture.registrations().last)
            #expect(
                try await organiser.post(
                    "/events/workshop/attendees/\(try waitingBo.requireID())", form: ["action": "attended"]
                ).status == .badRequest)

            try await organiser.post(
                "/events/workshop/attendees/message",
                form: ["audience": "confirmed", "subject": "Lokalen är ändrad", "text": "Vi ses i sal B."])
            let messages = try await fixture.mail("organiser_message")
            #expect(messages.map(\.toAddress) == ["anna@example.org"])
            #expect(messages.first?.subject == "Lokalen är ändrad")

            #expect(
                try await organiser.post("/events/workshop/registration/cancel", form: ["message": ""]).status
                    == .seeOther)
            #expect(try await Event.find(fixture.event.id, on: app.db)?.status == .scheduled)
            try await organiser.post("/events/workshop/registration/cancel", form: ["message": "Föreläsaren är sjuk."])
            #expect(try await Event.find(fixture.event.id, on: app.db)?.status == .cancelled)
            #expect(try await fixture.registrations().map(\.status) == [.cancelled, .cancelled])
            let notices = try await fixture.mail("event_cancelled")
            #expect(Set(notices.map(\.toAddress)) == ["anna@example.org", "bo@example.org"])
            let calendar = try #require(notices.first?.message.attachments.first?.content)
            #expect(calendar.contains("STATUS:CANCELLED") && calendar.contains("SEQUENCE:1"))
        }
    }

    @Test("the organiser sets up registration with questions; errors name the field and keep the values")
    func settingsForm() async throws {
        try await withSamverka { app in
            let event = try await app.makeEvent(
                slug: "fika", title: "Fika", startsAt: testNow.addingTimeInterval(86_400 * 3))
            let organiser = Browser(app)
            try await organiser.signIn(as: .moderator, email: "moderator@example.org")
            let form = try await organiser.get("/events/fika/registration")
            #expect(form.status == .ok)
            let bad = try await organiser.post(
                "/events/fika/registration",
                form: [
                    "mode": "samverka", "capacity": "-3", "questionSlots": "2",
                    "question0_label": "Vilket spår?", "question0_kind": "single_choice",
                    "question0_choices": "Bara ett",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Skriv antalet platser som ett heltal"))
            #expect(bad.text.contains("Skriv minst två alternativ"))
            #expect(bad.text.contains("value=\"Vilket spår?\""))
            let good = try await organiser.post(
                "/events/fika/registration",
                form: [
                    "mode": "samverka", "capacity": "12", "waitingList": "true", "questionSlots": "2",
                    "question0_label": "Vilket spår?", "question0_kind": "single_choice",
                    "question0_choices": "Data\nAI", "question0_required": "true",
                ])
            #expect(good.status == .seeOther)
            let setup = try await EventSubject(event: event).setup(on: app.db)
            #expect(setup.capacity == 12)
            #expect(setup.questions.map(\.choices) == [["Data", "AI"]])
            let page = try await app.testing().sendRequest(.GET, "/events/fika")
            #expect(page.text.contains("12 av 12 platser kvar"))
            #expect(page.text.contains("href=\"/events/fika/register\""))
            let signUp = try await app.testing().sendRequest(.GET, "/events/fika/register")
            #expect(signUp.text.contains("Vilket spår?"))
        }
    }

    @Test("concurrent sign-ups never overbook and keep the waiting list in order")
    func concurrentSignUps() async throws {
        try await withSamverka { app in
            let fixture = try await RegistrationFixture.make(app, capacity: 5)
            let subject = EventSubject(event: fixture.event)
            var members: [Member] = []
            for index in 0..<30 {
                let member = Member(
                    email: "m\(index)@example.org", name: "M \(index)", passwordHash: "x", role: .member, language: .sv,
                    emailConfirmedAt: testNow)
                try await member.save(on: app.db)
                members.append(member)
            }
            let ledger = RegistrationLedger(app: app, now: testNow)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for member in members {
                    group.addTask {
                        _ = try await ledger.signUp(
                            fixture.setup, subject: subject, member: member, guestName: "", guestEmail: "",
                            language: .sv, answers: [])
                    }
                }
                try await group.waitForAll()
            }
            let all = try await fixture.registrations()
            #expect(all.filter { $0.status == .confirmed }.count == 5)
            #expect(all.filter { $0.status == .waiting }.count == 25)
            #expect(all.map(\.arrival) == Array(1...30))
            #expect(all.prefix(5).allSatisfy { $0.status == .confirmed })
            // Each was told their own place: waiting-list mail counts 1 to 25.
            let positions = try await fixture.mail("waiting").map { mail in
                mail.message.text.components(separatedBy: "som nummer ").dropFirst().first?.prefix { $0.isNumber } ?? ""
            }
            #expect(positions.map { Int($0) ?? 0 }.sorted() == Array(1...25))

            // The same member pressing twice at once gets one place, and the second press is told so.
            let again = Member(
                email: "twice@example.org", name: "Två gånger", passwordHash: "x", role: .member, language: .sv,
                emailConfirmedAt: testNow)
            try await again.save(on: app.db)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        do {
                            _ = try await ledger.signUp(
                                fixture.setup, subject: subject, member: again, guestName: "", guestEmail: "",
                                language: .sv, answers: [])
                            return true
                        } catch RegistrationLedger.Refusal.alreadyRegistered {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1 && outcomes.count == 2)
            #expect(try await fixture.registrations().count == 31)
        }
    }
}
