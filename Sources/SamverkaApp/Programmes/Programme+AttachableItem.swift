import Foundation

/// Other capabilities attach panels to an edition's page.
extension Programme: AttachableItem {
    static let attachmentKind = "programme"
    var attachmentID: UUID? { id }
}
