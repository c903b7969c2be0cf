import Fluent
import NIOConcurrencyHelpers
import Vapor

/// An edition's approved activities with everything the public programme filters and counts
/// on, kept in memory so a page costs a scan of small values rather than a database round
/// trip per activity. Rebuilt when `Programme.activitiesVersion` moves on.
struct ProgrammeIndex: Sendable {
    /// One dimension's values for every entry, as plain integers so the per-request scan does
    /// no reference counting: a bit set when the dimension has at most 64 values (themes,
    /// days, regions…), otherwise one value's number (municipalities), -1 for none.
    enum Column: Sendable {
        case masks([UInt64])
        case codes([Int32])
    }

    let version: Int
    /// Sorted by start; read only for the page's few cards and for statistics.
    let entries: [ProgrammeFilter.Facts]
    let ids: [UUID]
    /// The municipalities that have activities, for the municipality filter's options.
    let municipalityCodes: Set<String>
    /// For each dimension, the distinct values, numbered by position.
    let symbols: [[String]]
    let columns: [Column]

    static func make(version: Int, entries: [ProgrammeFilter.Facts]) -> ProgrammeIndex {
        let dimensions = ProgrammeFilter.Dimension.allCases.count
        var symbols = Array(repeating: [String](), count: dimensions)
        var numbers = Array(repeating: [String: Int](), count: dimensions)
        var perEntry = Array(repeating: [[Int]](), count: dimensions)
        for entry in entries {
            for ordinal in 0..<dimensions {
                perEntry[ordinal].append(
                    entry.values[ordinal].map { value in
                        if let code = numbers[ordinal][value] { return code }
                        let code = symbols[ordinal].count
                        symbols[ordinal].append(value)
                        numbers[ordinal][value] = code
                        return code
                    })
            }
        }
        let columns: [Column] = (0..<dimensions).map { ordinal in
            if symbols[ordinal].count <= 64 {
                return .masks(perEntry[ordinal].map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } })
            }
            // Only single-valued dimensions (municipality) can have more than 64 values.
            return .codes(perEntry[ordinal].map { Int32($0.first ?? -1) })
        }
        return ProgrammeIndex(
            version: version, entries: entries, ids: entries.map(\.id),
            municipalityCodes: Set(entries.compactMap(\.municipalityCode)), symbols: symbols, columns: columns)
    }

    /// The entries with a theme or target group whose name, in either language, contains the
    /// folded `word`.
    func positions(withTermNamed word: String, themes: [ProgrammeTerm], targetGroups: [ProgrammeTerm]) -> [Int] {
        var found: [Int] = []
        for (dimension, terms) in [(ProgrammeFilter.Dimension.theme, themes), (.group, targetGroups)] {
            let keys = terms.filter {
                SearchText.folded($0.sv).contains(word) || SearchText.folded($0.en).contains(word)
            }.map(\.key)
            let codes = keys.compactMap { symbols[dimension.ordinal].firstIndex(of: $0) }.filter { $0 < 64 }
            guard !codes.isEmpty, case .masks(let masks) = columns[dimension.ordinal] else { continue }
            let wanted = codes.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            found += masks.indices.filter { masks[$0] & wanted != 0 }
        }
        return found
    }

    /// The positions of the matching entries (among `candidates`, or all) and, for every option
    /// of every dimension, how many match it together with every *other* dimension's choice
    /// (what ticking it would add, or what it holds now), in one pass:
    /// an entry failing no chosen filter counts in every dimension; failing exactly one, only
    /// in that one.
    func evaluate(_ filter: ProgrammeFilter, candidates: [Int]?) -> (matching: [Int], counts: [[String: Int]]) {
        // Each column is one flat buffer of integers, read without reference counting: with
        // two cores scanning the same shared arrays, every retain would be contended.
        let masks: [[UInt64]] = columns.map { if case .masks(let values) = $0 { values } else { [] } }
        let codes: [[Int32]] = columns.map { if case .codes(let values) = $0 { values } else { [] } }
        let isMask = columns.map { if case .masks = $0 { true } else { false } }
        // Per chosen dimension, the numbers of its chosen values that occur at all: as a bit
        // set for a mask column, a short list for a code column. A value no activity has
        // matches nothing.
        let chosen: [(ordinal: Int, mask: UInt64, codes: [Int32])] = filter.values.map { dimension, values in
            let known = values.compactMap { symbols[dimension.ordinal].firstIndex(of: $0) }
            return (
                dimension.ordinal, known.reduce(UInt64(0)) { $1 < 64 ? $0 | (1 << UInt64($1)) : $0 },
                known.map { Int32($0) }
            )
        }
        var slots = symbols.map { Array(repeating: 0, count: $0.count) }
        var matching: [Int] = []
        let dimensions = columns.count

        func has(_ ordinal: Int, _ entry: Int, _ mask: UInt64, _ wanted: [Int32]) -> Bool {
            if isMask[ordinal] { return masks[ordinal][entry] & mask != 0 }
            return wanted.contains(codes[ordinal][entry])
        }
        func count(_ ordinal: Int, _ entry: Int) {
            if isMask[ordinal] {
                var bits = masks[ordinal][entry]
                while bits != 0 {
                    slots[ordinal][bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            } else {
                let code = Int(codes[ordinal][entry])
                if code >= 0 { slots[ordinal][code] += 1 }
            }
        }
        func visit(_ entry: Int) {
            var failed = -1
            var failures = 0
            for (ordinal, mask, wanted) in chosen where !has(ordinal, entry, mask, wanted) {
                failures += 1
                failed = ordinal
                if failures > 1 { return }
            }
            if failures == 0 {
                matching.append(entry)
                for ordinal in 0..<dimensions { count(ordinal, entry) }
            } else {
                count(failed, entry)
            }
        }
        if let candidates {
            for entry in candidates { visit(entry) }
        } else {
            for entry in 0..<ids.count { visit(entry) }
        }
        let counts = slots.enumerated().map { ordinal, dimensionSlots in
            Dictionary(uniqueKeysWithValues: zip(symbols[ordinal], dimensionSlots))
        }
        return (matching, counts)
    }
}

/// The indexes and recent text-search results of every edition, shared by all requests of
/// this app instance.
final class ProgrammeIndexCache: Sendable {
    private struct SearchKey: Hashable {
        let programme: UUID
        let version: Int
        /// Theme names change with the edition, not with its activities.
        let edited: Date?
        let text: String
    }

    private let indexes = NIOLockedValueBox<[UUID: ProgrammeIndex]>([:])
    private let searches = NIOLockedValueBox<[SearchKey: [Int]]>([:])
    /// Enough for the popular queries; the whole memo is dropped when full.
    static let searchMemoLimit = 512

    func index(for programme: Programme, request: Request) async throws -> ProgrammeIndex {
        let id = try programme.requireID()
        if let cached = indexes.withLockedValue({ $0[id] }), cached.version == programme.activitiesVersion {
            return cached
        }
        let dates = DateText(timeZone: request.application.settings.timeZone, language: .sv)
        let municipalities = request.application.municipalities
        var entries: [ProgrammeFilter.Facts] = []
        let slice = 2_000
        while true {
            let rows = try await ApprovedActivities.load(
                id, range: entries.count..<(entries.count + slice), on: request.db)
            entries += rows.map { row in
                ProgrammeFilter.facts(
                    row.activity, organisation: row.organisation, partners: row.partners, dates: dates,
                    municipalities: municipalities)
            }
            if rows.count < slice { break }
        }
        let index = ProgrammeIndex.make(version: programme.activitiesVersion, entries: entries)
        indexes.withLockedValue { $0[id] = index }
        return index
    }

    /// The positions in `index` of the entries that match every word, memoised per version: a
    /// word matches an activity's text (the database's full-text search), or the name of one
    /// of its themes or target groups in either language ("klimat" finds the activities under
    /// "Klimat och miljö").
    func search(_ text: String, in programme: Programme, index: ProgrammeIndex, request: Request) async throws -> [Int]
    {
        let key = SearchKey(
            programme: try programme.requireID(), version: index.version, edited: programme.updatedAt,
            text: SearchText.folded(text))
        if let found = searches.withLockedValue({ $0[key] }) { return found }
        var matches: Set<Int>?
        for word in Set(key.text.split(whereSeparator: \.isWhitespace).map(String.init)) {
            let ids = try await ActivitySearchQueries.matching(word, programmeID: key.programme, on: request.db)
            var positions = Set(index.ids.indices.filter { ids.contains(index.ids[$0]) })
            positions.formUnion(
                index.positions(withTermNamed: word, themes: programme.themes, targetGroups: programme.targetGroups))
            matches = matches.map { $0.intersection(positions) } ?? positions
            if matches?.isEmpty == true { break }
        }
        let found = (matches ?? []).sorted()
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
