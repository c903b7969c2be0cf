import Testing

@testable import SamverkaApp

/// The review's states on their own, without a server or a database.
@Suite("What a reviewer's decision does to an activity")
struct ActivityReviewTests {
    static func activity(_ status: Activity.Status, title: String = "Kommunerna och AI") -> Activity {
        let activity = Activity()
        activity.status = status
        activity.title = title
        activity.description = "Om AI."
        activity.format = .physical
        activity.allSweden = false
        activity.venue = "Stadshuset"
        activity.address = ""
        activity.signUp = .none
        activity.reviewMessage = ""
        return activity
    }

    /// An approved activity whose organiser has sent a new title for review.
    static func approvedWithChange() -> Activity {
        let activity = activity(.approved)
        let changed = Self.activity(.approved, title: "Kommunerna och AI – nu i Umeå")
        activity.pendingChanges = ActivityKeyFacts(changed)
        return activity
    }

    @Test("approving a submission publishes it; approving a change applies it")
    func approve() throws {
        let submitted = Self.activity(.submitted)
        #expect(try ActivityReview.apply(.approve, message: "", to: submitted) == .approved)
        #expect(submitted.status == .approved)

        let changed = Self.approvedWithChange()
        #expect(try ActivityReview.apply(.approve, message: "Bra.", to: changed) == .approved)
        #expect(changed.title == "Kommunerna och AI – nu i Umeå")
        #expect(changed.pendingChanges == nil)
        #expect(changed.reviewMessage == "Bra.")
    }

    @Test("asking for changes to a change drops the change and leaves the published version public")
    func changesToAChange() throws {
        let changed = Self.approvedWithChange()
        #expect(try ActivityReview.apply(.changes, message: "Ange tid.", to: changed) == .changesRequested)
        #expect(changed.status == .approved)
        #expect(changed.title == "Kommunerna och AI")
        #expect(changed.pendingChanges == nil)

        let submitted = Self.activity(.submitted)
        #expect(try ActivityReview.apply(.changes, message: "Ange tid.", to: submitted) == .changesRequested)
        #expect(submitted.status == .changesRequested)
    }

    @Test("asking for changes and rejecting say why; nothing changes without a message")
    func messageNeeded() {
        for decision in [ActivityReview.Decision.changes, .reject] {
            let submitted = Self.activity(.submitted)
            #expect(throws: ActivityReview.Refusal.messageNeeded) {
                try ActivityReview.apply(decision, message: "", to: submitted)
            }
            #expect(submitted.status == .submitted)
        }
    }

    @Test("only a waiting activity is approved or sent back; a draft or a rejected one is never rejected")
    func nothingToDecide() throws {
        for status in [Activity.Status.draft, .approved, .changesRequested, .rejected] {
            #expect(throws: ActivityReview.Refusal.nothingToDecide) {
                try ActivityReview.apply(.approve, message: "", to: Self.activity(status))
            }
            #expect(throws: ActivityReview.Refusal.nothingToDecide) {
                try ActivityReview.apply(.changes, message: "Nej.", to: Self.activity(status))
            }
        }
        for status in [Activity.Status.draft, .rejected] {
            #expect(throws: ActivityReview.Refusal.nothingToDecide) {
                try ActivityReview.apply(.reject, message: "Nej.", to: Self.activity(status))
            }
        }
        let published = Self.approvedWithChange()
        #expect(try ActivityReview.apply(.reject, message: "Stämmer inte.", to: published) == .rejected)
        #expect(published.status == .rejected && published.pendingChanges == nil)
    }

    @Test("an organiser deletes only what was never public: a draft or a rejected activity")
    func deleting() {
        let deletable = Activity.Status.allCases.filter { ActivityReview.mayDelete(Self.activity($0)) }
        #expect(Set(deletable) == [.draft, .rejected])
    }
}
