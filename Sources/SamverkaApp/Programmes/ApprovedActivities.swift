import Fluent
import Foundation

/// An edition's approved activities with their organisations, loaded with one query per table
/// and joined in memory by dictionary. Fluent's nested eager loading pairs children with
/// parents by scanning, which at 20,000 activities took minutes.
enum ApprovedActivities {
    struct Row {
        let activity: Activity
        let organisation: Organisation
        /// Confirmed partners only: they are the ones shown and counted.
        let partners: [Organisation]
    }

    /// - Parameter range: a slice of the edition's approved activities in start order; loading
    ///   a large edition slice by slice keeps only a slice of models in memory at a time.
    static func load(_ programmeID: UUID, range: Range<Int>? = nil, on database: any Database) async throws -> [Row] {
        let query = Activity.query(on: database)
            .filter(\.$programme.$id == programmeID)
            .filter(\.$status == .approved)
            .sort(\.$startsAt)
            .sort(\.$id)
        if let range { query.range(range) }
        return try await rows(for: query.all(), on: database)
    }

    /// `activities`, in their order, each with its organisation and confirmed partners.
    static func rows(for activities: [Activity], on database: any Database) async throws -> [Row] {
        let activityIDs = activities.compactMap(\.id)
        var partnersByActivity: [UUID: [UUID]] = [:]
        for chunk in stride(from: 0, to: activityIDs.count, by: 5_000) {
            let ids = Array(activityIDs[chunk..<min(chunk + 5_000, activityIDs.count)])
            for partner in try await ActivityPartner.query(on: database).filter(\.$activity.$id ~~ ids).filter(
                \.$confirmedAt != nil
            ).all() {
                partnersByActivity[partner.$activity.id, default: []].append(partner.$organisation.id)
            }
        }
        let organisationIDs = Set(activities.map(\.$organisation.id)).union(partnersByActivity.values.flatMap { $0 })
        var organisations: [UUID: Organisation] = [:]
        let idList = Array(organisationIDs)
        for chunk in stride(from: 0, to: idList.count, by: 5_000) {
            for organisation in try await Organisation.query(on: database).filter(
                \.$id ~~ Array(idList[chunk..<min(chunk + 5_000, idList.count)])
            ).all() {
                if let id = organisation.id { organisations[id] = organisation }
            }
        }
        return activities.compactMap { activity in
            guard let id = activity.id, let organisation = organisations[activity.$organisation.id] else { return nil }
            return Row(
                activity: activity, organisation: organisation,
                partners: (partnersByActivity[id] ?? []).compactMap { organisations[$0] })
        }
    }
}
