import Foundation

/// Other capabilities attach panels to an organisation's page.
extension Organisation: AttachableItem {
    static let attachmentKind = "organisation"
    var attachmentID: UUID? { id }
}
