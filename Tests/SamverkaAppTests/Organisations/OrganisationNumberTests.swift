import Testing

@testable import SamverkaApp

@Suite("Swedish organisation numbers")
struct OrganisationNumberTests {
    @Test(
        "valid numbers in their usual spellings",
        arguments: [
            ("212000-1355", "212000-1355"),
            ("2120001355", "212000-1355"),
            ("556016-0680", "556016-0680"),
            ("16212000-1355", "212000-1355"),
            (" 232100 0016 ", "232100-0016"),
        ])
    func valid(_ text: String, _ formatted: String) throws {
        #expect(try OrganisationNumber(text).formatted == formatted)
    }

    @Test("a wrong check digit is told apart from a wrong format")
    func invalid() {
        #expect(throws: OrganisationNumber.Problem.checkDigit) { try OrganisationNumber("212000-1356") }
        #expect(throws: OrganisationNumber.Problem.format) { try OrganisationNumber("212000-135") }
        #expect(throws: OrganisationNumber.Problem.format) { try OrganisationNumber("21200A-1355") }
        #expect(throws: OrganisationNumber.Problem.format) { try OrganisationNumber("١٢٣٤٥٦٧٨٩٠") }
    }
}
