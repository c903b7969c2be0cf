import Foundation

/// Other capabilities attach panels to an event's page (sign-up today).
extension Event: AttachableItem {
    static let attachmentKind = "event"
    var attachmentID: UUID? { id }
}
