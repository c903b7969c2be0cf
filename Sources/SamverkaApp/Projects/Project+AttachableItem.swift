import Foundation

/// Other capabilities attach panels to a project's page.
extension Project: AttachableItem {
    static let attachmentKind = "project"
    var attachmentID: UUID? { id }
}
