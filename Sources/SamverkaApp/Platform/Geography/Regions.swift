/// Sweden's 21 regions (län), derived from the municipality list: a municipality's code
/// begins with its region's.
struct Region: Sendable, Equatable {
    let code: String
    let name: String
}

enum Regions {
    static func all(_ municipalities: Municipalities) -> [Region] {
        var seen: [String: String] = [:]
        for municipality in municipalities.all { seen[municipality.regionCode] = municipality.regionName }
        return seen.map { Region(code: $0.key, name: $0.value) }.sorted { $0.code < $1.code }
    }
}
