import Foundation

/// A titled link shown with an event or project ("Registration", "Forum thread").
struct ContentLink: Codable, Equatable, Sendable {
    var title: String
    var url: String
}

/// A person to contact about a project or local group, possibly on behalf of an organisation.
struct ContactPerson: Codable, Equatable, Sendable {
    var name: String
    /// A short text about the person's role ("Vill du veta mer?", "Project lead").
    var role: String
    var email: String
    var organisation: String
    var organisationURL: String
    var image: String
}

/// An organisation that a local group works with, or that takes part in an event.
struct Partner: Codable, Equatable, Sendable {
    var title: String
    var url: String
    var logo: String
}

/// How an event takes place.
enum EventFormat: String, Codable, CaseIterable, Sendable {
    case physical, online, hybrid
}

/// Whether an event happens as planned.
enum EventStatus: String, Codable, CaseIterable, Sendable {
    case scheduled, cancelled, postponed
}

/// How an event repeats; Samverka knows weekly repetition (the Friday fika).
enum Recurrence: String, Codable, CaseIterable, Sendable {
    case none, weekly
}

/// The lists as a form's columns of rows (see `FormRows`).
extension ContentLink {
    static func columns(_ links: [ContentLink]) -> ([String], [String]) {
        (links.map(\.title), links.map(\.url))
    }
}

extension ContactPerson {
    static func columns(_ contacts: [ContactPerson]) -> ([String], [String], [String], [String], [String]) {
        (
            contacts.map(\.name), contacts.map(\.role), contacts.map(\.email), contacts.map(\.organisation),
            contacts.map(\.organisationURL)
        )
    }
}

extension Partner {
    static func columns(_ partners: [Partner]) -> ([String], [String], [String]) {
        (partners.map(\.title), partners.map(\.url), partners.map(\.logo))
    }
}
