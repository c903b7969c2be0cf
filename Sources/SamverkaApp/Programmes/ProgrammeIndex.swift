import Fluent
import NIOConcurrencyHelpers
import Vapor

/// An edition's approved activities with everything the public programme filters and counts
/// on, kept in memory so a page costs a scan of small values rather than a database round
/// trip per activity. Rebuilt when `Programme.activitiesVersion` moves on.
struct ProgrammeIndex: Sendable {
    let version: Int
    /// Sorted by start.
    let entries: [ProgrammeFilter.Facts]
    /// The municipalities that have activities, for the municipality filter's options.
    let municipalityCodes: Set<String>
    /// For each dimension, the distinct values, numbered by position (`Facts.codes`).
    let symbols: [[String]]

    /// Numbers every facet value of every entry.
    static func make(version: Int, entries: [ProgrammeFilter.Facts]) -> ProgrammeIndex {
        let dimensions = ProgrammeFilter.Dimension.allCases.count
        var symbols = Array(repeating: [String](), count: dimensions)
        var numbers = Array(repeating: [String: Int](), count: dimensions)
        let coded = entries.map { entry in
            var entry = entry
            entry.codes = (0..<dimensions).map { ordinal in
                entry.values[ordinal].map { value in
                    if let code = numbers[ordinal][value] { return code }
                    let code = symbols[ordinal].count
                    symbols[ordinal].append(value)
                    numbers[ordinal][value] = code
                    return code
                }
            }
            return entry
        }
        return ProgrammeIndex(version: version, entries: coded, municipalityCodes: Set(entries.compactMap(\.municipalityCode)), symbols: symbols)
    }
}

/// The indexes and recent text-search results of every edition, shared by all requests of
/// this app instance.
final class ProgrammeIndexCache: Sendable {
    private struct SearchKey: Hashable {
        let programme: UUID
        let version: Int
        let text: String
    }

    private let indexes = NIOLockedValueBox<[UUID: ProgrammeIndex]>([:])
    private let searches = NIOLockedValueBox<[SearchKey: Set<UUID>]>([:])
    /// Enough for the popular queries; the whole memo is dropped when full.
    static let searchMemoLimit = 512

    func index(for programme: Programme, request: Request) async throws -> ProgrammeIndex {
        let id = try programme.requireID()
        if let cached = indexes.withLockedValue({ $0[id] }), cached.version == programme.activitiesVersion {
            return cached
        }
        let rows = try await ApprovedActivities.load(id, on: request.db)
        let dates = DateText(timeZone: request.application.settings.timeZone, language: .sv)
        let municipalities = request.application.municipalities
        let entries = rows.map { row in
            ProgrammeFilter.facts(row.activity, organisation: row.organisation, partners: row.partners, dates: dates, municipalities: municipalities)
        }
        let index = ProgrammeIndex.make(version: programme.activitiesVersion, entries: entries)
        indexes.withLockedValue { $0[id] = index }
        return index
    }

    func search(_ text: String, in programme: Programme, request: Request) async throws -> Set<UUID> {
        let key = SearchKey(programme: try programme.requireID(), version: programme.activitiesVersion, text: text.lowercased())
        if let found = searches.withLockedValue({ $0[key] }) { return found }
        let found = try await ActivitySearchQueries.matching(text, programmeID: key.programme, on: request.db)
        searches.withLockedValue { memo in
            if memo.count >= Self.searchMemoLimit { memo.removeAll() }
            memo[key] = found
        }
        return found
    }
}

extension Application {
    private struct ProgrammeIndexCacheKey: StorageKey { typealias Value = ProgrammeIndexCache }

    var programmeIndexes: ProgrammeIndexCache {
        if let cache = storage[ProgrammeIndexCacheKey.self] { return cache }
        let cache = ProgrammeIndexCache()
        storage[ProgrammeIndexCacheKey.self] = cache
        return cache
    }
}
