import Foundation

/// Other capabilities attach panels to a local group's page.
extension LocalGroup: AttachableItem {
    static let attachmentKind = "local-group"
    var attachmentID: UUID? { id }
}
