/// What kind of actor an organisation is. The four public kinds count as the public-sector
/// party a programme may require.
enum Sector: String, Codable, CaseIterable, Sendable {
    case municipality
    case region
    case agency
    case otherPublic = "other_public"
    case civilSociety = "civil_society"
    case business
    case academia
    case other

    var isPublic: Bool {
        switch self {
        case .municipality, .region, .agency, .otherPublic: true
        case .civilSociety, .business, .academia, .other: false
        }
    }
}
