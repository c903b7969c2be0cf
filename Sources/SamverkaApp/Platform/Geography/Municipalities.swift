import Foundation
import Vapor

/// One of Sweden's 290 municipalities, by its official four-digit code from Statistics Sweden.
struct Municipality: Sendable, Equatable {
    let code: String
    let name: String
    let regionCode: String
    let regionName: String
}

/// The municipalities, read once at boot from `Resources/Geography/municipalities.csv`.
struct Municipalities: Sendable {
    let all: [Municipality]
    private let byCode: [String: Municipality]

    init(_ all: [Municipality]) {
        self.all = all.sorted { $0.name.compare($1.name, locale: Locale(identifier: "sv_SE")) == .orderedAscending }
        byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(code: String) -> Municipality? { byCode[code] }

    static func load(from resourcesDirectory: String) throws -> Municipalities {
        let path = resourcesDirectory + "Geography/municipalities.csv"
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw Abort(.internalServerError, reason: "Missing municipality list at \(path)")
        }
        // The file is plain: a header, then code,name,region code,region name; no quoted commas.
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line -> Municipality? in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4 else { return nil }
            return Municipality(code: cells[0], name: cells[1], regionCode: cells[2], regionName: cells[3])
        }
        return Municipalities(rows)
    }
}

extension Application {
    private struct MunicipalitiesKey: StorageKey { typealias Value = Municipalities }

    var municipalities: Municipalities {
        get { storage[MunicipalitiesKey.self] ?? Municipalities([]) }
        set { storage[MunicipalitiesKey.self] = newValue }
    }
}
