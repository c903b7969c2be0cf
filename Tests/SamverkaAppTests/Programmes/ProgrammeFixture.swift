import Fluent
import Foundation
import Testing
import Vapor

@testable import SamverkaApp

/// An edition with organisations and their people, for the programme tests.
///
/// Innovationsveckan 2026 runs Monday 2 – Friday 6 March 2026; submissions opened 1 December
/// 2025 and close when each activity starts; the programme becomes public on 1 February.
/// `testNow` (1 January) is inside the window and before the release.
struct ProgrammeFixture {
    let app: Application
    let programme: Programme

    static let afterRelease = Date(timeIntervalSince1970: 1_770_897_600)  // 12 February 2026

    static func make(
        _ app: Application, requiresPublicParty: Bool = true, cap: Int? = nil
    ) async throws -> ProgrammeFixture {
        let dates = DateText(timeZone: app.settings.timeZone, language: .sv)
        let programme = Programme()
        programme.slug = "innovationsveckan-2026"
        programme.name = "Innovationsveckan 2026"
        programme.description = "Sveriges största **innovationsvecka**."
        programme.firstDay = try #require(dates.parseDay("2026-03-02"))
        programme.lastDay = try #require(dates.parseDay("2026-03-06"))
        programme.submissionOpensAt = try #require(dates.parseInput("2025-12-01T09:00"))
        programme.submissionClosesAt = nil
        programme.publicFrom = try #require(dates.parseInput("2026-02-01T09:00"))
        programme.themes = [
            ProgrammeTerm(key: "ai", sv: "AI", en: "AI"), ProgrammeTerm(key: "klimat", sv: "Klimat", en: "Climate"),
        ]
        programme.targetGroups = [ProgrammeTerm(key: "allmanhet", sv: "Allmänheten", en: "The public")]
        programme.requiresPublicParty = requiresPublicParty
        programme.maxActivitiesPerOrganisation = cap
        programme.activitiesVersion = 0
        try await programme.save(on: app.db)
        return ProgrammeFixture(app: app, programme: programme)
    }

    /// An organisation with one owner; returns it and the owner's signed-in browser.
    func organisation(
        _ slug: String, _ name: String, _ sector: Sector, municipality: String? = nil, email: String
    ) async throws -> (Organisation, Browser) {
        let organisation = Organisation()
        organisation.slug = slug
        organisation.name = name
        organisation.sector = sector
        organisation.municipalityCode = municipality
        organisation.description = ""
        try await organisation.save(on: app.db)
        let browser = Browser(app)
        try await browser.signIn(as: .member, email: email)
        let member = try #require(try await Member.find(email: email, on: app.db))
        try await OrganisationMembership(
            organisationID: try organisation.requireID(), memberID: try member.requireID(), role: .owner,
            status: .active
        ).save(on: app.db)
        return (organisation, browser)
    }

    /// A complete, valid activity form.
    static func form(
        _ organisation: String, title: String = "Öppna data i kommunerna", intent: String = "submit"
    ) -> [String: String] {
        [
            "organisation": organisation, "title": title, "summary": "Hur kommunerna delar data.",
            "description": "Vi visar **exempel**.", "format": "physical", "startsAt": "2026-03-03T10:00",
            "endsAt": "2026-03-03T12:00",
            "municipalityCode": "2480", "venue": "Stadsbiblioteket", "address": "Rådhusesplanaden 6A", "onlineURL": "",
            "themes[]": "ai", "language": "sv", "stepFree": "true", "accessibilityNotes": "Hörslinga i salen.",
            "signUp": "none",
            "signUpURL": "", "image": "", "intent": intent,
        ]
    }

    var newPath: String { "/programmes/innovationsveckan-2026/activities/new" }
    var createPath: String { "/programmes/innovationsveckan-2026/activities" }

    func path(_ activity: Activity) throws -> String {
        // The slug as stored: an activity object from before its first save has none yet.
        let stored = try #require(activity.slug.isEmpty ? nil : activity.slug)
        return "/programmes/innovationsveckan-2026/" + stored
    }

    /// Submits through the form and returns the stored activity.
    @discardableResult
    func submit(_ browser: Browser, _ form: [String: String]) async throws -> Activity {
        try await browser.get(newPath)
        let response = try await browser.post(createPath, form: form)
        #expect(
            response.status == .seeOther,
            "submitting should succeed: \(response.text.firstMatch(of: /class="error-message"[^>]*>([^<]*)/)?.output.1 ?? "")"
        )
        let title = form["title"] ?? ""
        return try #require(try await Activity.query(on: app.db).filter(\.$title == title).first())
    }

    /// A reviewer approves the activity from the review queue, as on the page.
    func approve(_ activity: Activity, by reviewer: Browser) async throws {
        try await reviewer.get("/programmes/innovationsveckan-2026/review")
        try await reviewer.post(try path(activity) + "/review", form: ["decision": "approve"])
    }

    /// Umeå kommun's activity made from `form`, submitted and approved by an admin: where every
    /// test of a change after approval starts. Returns the organiser's and the admin's browsers.
    func approvedActivity(
        _ form: [String: String] = ProgrammeFixture.form("umea-kommun")
    ) async throws -> (activity: Activity, organiser: Browser, reviewer: Browser) {
        let (_, umea) = try await organisation(
            "umea-kommun", "Umeå kommun", .municipality, municipality: "2480", email: "umea@example.org")
        let reviewer = Browser(app)
        try await reviewer.signIn(as: .admin, email: "admin@example.org")
        let activity = try await submit(umea, form)
        try await approve(activity, by: reviewer)
        return (activity, umea, reviewer)
    }
}
