import Foundation

/// An activity in its edition: what other capabilities attach panels to on the activity's page
/// (sign-up today), with the edition its addresses and rules need.
struct ProgrammeActivity: AttachableItem {
    let activity: Activity
    let programme: Programme

    static let attachmentKind = "activity"
    var attachmentID: UUID? { activity.id }
}
