import Foundation
import Vapor

/// An embeddable list of events or activities for other sites. `Shared/embed`.
struct EmbedPage: Encodable {
    let lang: String
    let title: String
    /// The heading of the list itself, so headings go h1, h2, then each card's h3.
    let listHeading: String
    let events: [EventCard]
    let activities: [ActivityCard]
    let more: String
    let moreHref: String
}
