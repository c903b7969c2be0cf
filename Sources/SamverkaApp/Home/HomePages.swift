import Foundation
import Vapor

/// `/`: what is coming up, some projects and the local groups.
struct HomePage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String
    /// The programme weeks still running, and how to take part.
    let programmes: [RunningProgramme]
    let upcoming: [EventCard]
    let projects: [CardView]
    let groups: [CardView]
}

/// The fixed pages (about, accessibility, personal data…) in the reader's language.
/// `Pages/{name}-{sv|en}`.
struct StatementPage: Encodable {
    let layout: LayoutContext
    let siteName: String
    let operatorName: String
    let contactEmail: String
    let reviewed: String
    let purgeDays: Int
    let idleHours: Int
    let publicURL: String
}

/// `/help`: how to organise in the network.
struct HelpPage: Encodable {
    let layout: LayoutContext
    let contactEmail: String
    let programmes: [RunningProgramme]
}
