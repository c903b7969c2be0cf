import Fluent
import Foundation
import Testing

@testable import SamverkaApp

@Suite("Demo content reads like a real network")
struct DemoContentTests {
    /// The package's Resources folder, wherever the tests run from.
    static let resources =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/Resources/"

    @Test(
        "municipalities and regions go by the names they use themselves",
        arguments: [
            ("1382", "Falkenbergs kommun"), ("1490", "Borås kommun"), ("1440", "Ale kommun"),
            ("0114", "Upplands Väsby kommun"),
            ("1421", "Orust kommun"), ("2080", "Falu kommun"), ("0980", "Region Gotland"), ("2480", "Umeå kommun"),
        ])
    func councilNames(_ code: String, _ expected: String) throws {
        let municipalities = try Municipalities.load(from: Self.resources)
        #expect(try #require(municipalities[code]).councilName == expected)
    }

    @Test("every region has its council's name")
    func regionNames() throws {
        let regions = Regions.all(try Municipalities.load(from: Self.resources))
        #expect(regions.count == 21)
        #expect(
            regions.allSatisfy { $0.councilName.hasPrefix("Region ") || $0.councilName == "Västra Götalandsregionen" })
        #expect(regions.first { $0.code == "04" }?.councilName == "Region Sörmland")
    }

    @Test(
        "the demo week never falls over Christmas and New Year, nor in July",
        arguments: [
            ("2026-12-01", "2027-01-11"), ("2026-11-20", "2026-12-14"), ("2026-06-10", "2026-08-03"),
            ("2026-02-02", "2026-02-23"),
        ])
    func demoWeek(_ today: String, _ monday: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        let format = DateFormatter()
        format.calendar = calendar
        format.timeZone = calendar.timeZone
        format.dateFormat = "yyyy-MM-dd"
        let first = DemoProgramme.firstDay(after: try #require(format.date(from: today)), calendar: calendar)
        #expect(format.string(from: first) == monday)
    }

    @Test("the demo network has one organisation of each name")
    func uniqueNames() async throws {
        try await withSamverka { app in
            _ = try await DemoProgramme(app: app, now: testNow).build(activityCount: 300)
            let names = try await Organisation.query(on: app.db).all().map(\.name)
            #expect(names.count > 12)
            #expect(Set(names).count == names.count)
        }
    }
}
