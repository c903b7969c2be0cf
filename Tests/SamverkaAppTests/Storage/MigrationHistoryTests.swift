import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import SamverkaApp

@Suite("The migration changelog is history")
struct MigrationHistoryTests {
    /// What Fluent has recorded, in order, on every database that ran a shipped Samverka. A name
    /// here must never change or move: a database that already ran it would run it again, or
    /// never run its replacement. New migrations are added to `Migrations.all` and then here.
    static let shipped = [
        "Fluent.SessionRecord.Create",
        "SamverkaApp.CreateMember",
        "SamverkaApp.CreateLocalGroup",
        "SamverkaApp.CreateEvent",
        "SamverkaApp.CreateProject",
        "SamverkaApp.CreateProjectEvent",
        "SamverkaApp.CreateLegacyRedirect",
        "SamverkaApp.CreateOrganisation",
        "SamverkaApp.CreateOrganisationMembership",
        "SamverkaApp.CreateEventOrganisation",
        "SamverkaApp.CreateProgramme",
        "SamverkaApp.CreateActivity",
        "SamverkaApp.CreateActivitySearchIndex",
        "SamverkaApp.CreateOutgoingMail",
        "SamverkaApp.CreateRegistration",
        "SamverkaApp.AddCalendarFields",
        "SamverkaApp.AddEventImportUID",
        "SamverkaApp.AddAccountStateToMember",
        "SamverkaApp.CreateAccountToken",
        "SamverkaApp.AddOwnerToOutgoingMail",
        "SamverkaApp.AddSuspensionToMember",
        "SamverkaApp.CreateMemberAdminLog",
        "SamverkaApp.AddTwoFactorToMember",
        "SamverkaApp.AddProgrammeIndexToActivities",
        "SamverkaApp.CreateNetworkSetting",
        "SamverkaApp.CreateMemberNotification",
        "SamverkaApp.AddNotificationChoicesToMember",
        "SamverkaApp.AddSlugToActivities",
        "SamverkaApp.FoldActivitySearchText",
        "SamverkaApp.CreateStarredActivity",
        "SamverkaApp.CreateLocalGroupOrganiser",
        "SamverkaApp.AddPublicationToEvents",
        "SamverkaApp.CreateContentVersions",
    ]

    @Test("every shipped migration keeps its name and its place, and every name is new once")
    func namesAndOrder() {
        let names = Migrations.all.map(\.name)
        #expect(Array(names.prefix(Self.shipped.count)) == Self.shipped)
        #expect(names.count >= Self.shipped.count)
        #expect(Set(names).count == names.count)
    }

    @Test("a fresh database records every migration of the changelog by these names")
    func recorded() async throws {
        try await withSamverka { app in
            struct Row: Decodable { let name: String }
            let sql = try #require(app.db as? any SQLDatabase)
            let recorded = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Row.self).map(\.name)
            #expect(Set(recorded) == Set(Migrations.all.map { $0.name }))
            #expect(recorded.count == Migrations.all.count)
        }
    }

    @Test("the slug migration, run on saved activities, gives each a free slug from its title")
    func slugs() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DROP INDEX activities_programme_slug").run()
            try await sql.raw("UPDATE activities SET slug = ''").run()
            try await AddSlugToActivities.assignSlugs(on: sql)
            let slugs = try await Activity.query(on: app.db).all().map(\.slug)
            #expect(slugs.contains("kommunerna-och-ai"))
            #expect(slugs.contains("atgarder-for-skargarden"))
            #expect(Set(slugs).count == slugs.count)
        }
    }

    @Test("the folding migration adds the accent-free copy to saved search text")
    func folding() async throws {
        try await withSamverka(now: ProgrammeFixture.afterRelease) { app in
            _ = try await PublicProgrammeTests.seed(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE activities SET search_text = 'Åtgärder i Malmö'").run()
            try await FoldActivitySearchText().prepare(on: app.db)
            let texts = try await Activity.query(on: app.db).all().map(\.searchText)
            #expect(texts.allSatisfy { $0 == "Åtgärder i Malmö\natgarder i malmo" })
        }
    }
}
