import Foundation

/// Content read from a Jekyll site, before it touches the database.
struct ImportedCommon: Sendable {
    var file: String
    var slug: String
    var language: Language
    var translationKey: String?
    var title: String
    var excerpt: String
    var ingress: String
    var body: String
    var image: String?
    /// The old site's addresses of this item, redirected to the new one.
    var oldPaths: [String]
}

struct ImportedEvent: Sendable {
    var common: ImportedCommon
    var startsAt: Date
    var dateDescription: String
    var format: EventFormat
    var placeName: String
    var address: String
    var municipalityCode: String?
    var onlineURL: String?
    var links: [ContentLink]
    var partners: [Partner]
    var groupReference: String?
    var recurrence: Recurrence
    var recurrenceUntil: Date?
}

struct ImportedProject: Sendable {
    var common: ImportedCommon
    var links: [ContentLink]
    var contacts: [ContactPerson]
    var chat: String?
    var tags: [String]
    var publishedAt: Date?
    var groupReference: String?
    var eventSlugs: [String]
}

struct ImportedGroup: Sendable {
    var common: ImportedCommon
    var contacts: [ContactPerson]
    var partners: [Partner]
}

struct ImportedSite: Sendable {
    var events: [ImportedEvent] = []
    var projects: [ImportedProject] = []
    var groups: [ImportedGroup] = []
    /// Files in `_uploads`, relative to it.
    var uploads: [String] = []
}
