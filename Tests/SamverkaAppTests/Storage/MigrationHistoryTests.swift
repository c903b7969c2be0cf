import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SamverkaApp

@Suite("Migrations that change saved rows")
struct MigrationHistoryTests {
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
