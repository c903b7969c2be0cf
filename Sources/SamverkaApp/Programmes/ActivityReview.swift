/// What a reviewer's decision does to an activity (and which activities its organiser may
/// delete), apart from HTTP and the database, so the review's states can be read in one place
/// and tested on their own. The review queue's
/// handler checks who decides, applies this, and saves, logs and tells.
enum ActivityReview {
    enum Decision: String, Sendable {
        /// Publish the submission, or the change waiting on a published activity.
        case approve
        /// Send it back with a message; a published activity stays as it is.
        case changes
        /// Turn it down with a message, published or not.
        case reject
    }

    enum Refusal: Error, Equatable {
        /// Nothing to decide in this state (a draft, a rejected activity, an approved one with
        /// no change waiting).
        case nothingToDecide
        /// Asking for changes and rejecting say why.
        case messageNeeded
    }

    /// Whether its organiser may delete it: only what was never public, a draft or an activity
    /// the reviewers turned down.
    static func mayDelete(_ activity: Activity) -> Bool {
        activity.status == .draft || activity.status == .rejected
    }

    /// Whether the activity waits for a reviewer: submitted, or approved with a change waiting.
    static func isWaiting(_ activity: Activity) -> Bool {
        activity.status == .submitted || activity.pendingChanges != nil
    }

    /// Applies `decision` to the activity in memory and says what to log; the caller saves.
    static func apply(
        _ decision: Decision, message: String, to activity: Activity
    ) throws(Refusal) -> ActivityLogEntry.Kind {
        let kind: ActivityLogEntry.Kind
        switch decision {
        case .approve:
            guard isWaiting(activity) else { throw .nothingToDecide }
            activity.pendingChanges?.apply(to: activity)
            activity.pendingChanges = nil
            activity.status = .approved
            kind = .approved
        case .changes:
            guard isWaiting(activity) else { throw .nothingToDecide }
            guard !message.isEmpty else { throw .messageNeeded }
            // Asking for changes to a change leaves the approved version public.
            if activity.pendingChanges != nil {
                activity.pendingChanges = nil
            } else {
                activity.status = .changesRequested
            }
            kind = .changesRequested
        case .reject:
            guard activity.status != .draft && activity.status != .rejected else { throw .nothingToDecide }
            guard !message.isEmpty else { throw .messageNeeded }
            activity.pendingChanges = nil
            activity.status = .rejected
            kind = .rejected
        }
        activity.reviewMessage = message
        return kind
    }
}
