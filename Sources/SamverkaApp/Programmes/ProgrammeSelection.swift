import Fluent
import Vapor

/// The activities of an edition a request's filters select, in programme order, with the counts
/// beside every option: what the programme page shows, and what its feeds and exports carry.
struct ProgrammeSelection: Sendable {
    let index: ProgrammeIndex?
    /// Positions in `index.entries`.
    let matching: [Int]
    let counts: [[String: Int]]

    /// Empty (no index) for a reader who may not see the edition's activities yet.
    static func make(
        _ programme: Programme, filter: ProgrammeFilter, request: Request
    ) async throws -> ProgrammeSelection {
        let shows = ProgrammeLookup.showsActivities(programme, to: request)
        let index = shows ? try await request.application.programmeIndexes.index(for: programme, request: request) : nil
        // Free text is the database's full-text search; it narrows the set every facet counts in.
        var candidates: [Int]?
        if !filter.text.isEmpty, let index {
            candidates = try await request.application.programmeIndexes.search(
                filter.text, in: programme, index: index, request: request)
        }
        let (matching, counts) =
            index?.evaluate(filter, candidates: candidates)
            ?? ([], Array(repeating: [:], count: ProgrammeFilter.Dimension.allCases.count))
        return ProgrammeSelection(index: index, matching: matching, counts: counts)
    }

    /// The selected activities themselves, in programme order: all, or the `range`-th of them.
    func activities(in range: Range<Int>? = nil, on database: any Database) async throws -> [Activity] {
        guard let index else { return [] }
        let positions = range.map { matching[$0.clamped(to: 0..<matching.count)] } ?? matching[...]
        let ids = positions.map { index.ids[$0] }
        var byID: [UUID: Activity] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 1_000) {
            let slice = Array(ids[chunk..<min(chunk + 1_000, ids.count)])
            for activity in try await Activity.query(on: database).filter(\.$id ~~ slice).all() {
                if let id = activity.id { byID[id] = activity }
            }
        }
        return ids.compactMap { byID[$0] }
    }

    /// The selected activities with their organisations, in programme order.
    func rows(in range: Range<Int>? = nil, on database: any Database) async throws -> [ApprovedActivities.Row] {
        try await ApprovedActivities.rows(for: activities(in: range, on: database), on: database)
    }
}
