import Fluent

extension Array where Element: Model {
    /// Creates the models 500 to an insert: one statement per model would make a 20,000-activity
    /// benchmark edition slow to build, one for all would outgrow the databases' bind limits.
    func createInBatches(on database: any Database) async throws {
        for start in stride(from: 0, to: count, by: 500) {
            try await Array(self[start..<Swift.min(start + 500, count)]).create(on: database)
        }
    }
}
