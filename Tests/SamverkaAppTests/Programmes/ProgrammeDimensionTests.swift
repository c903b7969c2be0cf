import Testing
import VaporTesting

@testable import SamverkaApp

/// The one table that says everything about each filter dimension.
@Suite("The programme's filter dimensions")
struct ProgrammeDimensionTests {
    typealias Dimension = ProgrammeFilter.Dimension

    @Test("each dimension has its own position, and a label in both languages")
    func positionsAndLabels() async throws {
        #expect(Dimension.allCases.map(\.ordinal).sorted() == Array(0..<Dimension.allCases.count))
        try await withSamverka { app in
            for language in [Language.sv, .en] {
                let table = app.catalogue.table(language)
                for dimension in Dimension.allCases {
                    #expect(table[dimension.labelKey]?.isEmpty == false, "\(dimension) in \(language)")
                }
            }
        }
    }

    @Test(
        "the API refuses what its document does not allow, and accepts any well-formed value",
        arguments: [
            (Dimension.format, "zoom", false), (.format, "digital", true), (.sector, "municipality", true),
            (.sector, "kommun", false), (.language, "de", false), (.region, "1", false), (.region, "01", true),
            (.municipality, "248O", false), (.municipality, "2480", true), (.day, "2026-2-3", false),
            (.day, "2026-02-31", true), (.day, "2026-02-0x", false), (.theme, "vad-som-helst", true),
            (.group, "", true),
        ])
    func refusals(dimension: Dimension, value: String, accepted: Bool) {
        #expect((dimension.refusal(of: value) == nil) == accepted, "\(dimension)=\(value)")
    }
}
