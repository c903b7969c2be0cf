import Foundation

/// What the JSON API (`/api/v1`) says about each kind of public thing. Keys are written in
/// snake_case by `APIResponse`; `Resources/API/openapi.json` describes every field, and a
/// change here must change it too (schemathesis in `scripts/interop-tests` holds them together).
enum API {
    struct Link: Encodable {
        let slug: String
        let name: String
    }

    struct Event: Encodable {
        let slug: String
        let url: String
        let title: String
        let language: String
        let excerpt: String
        let startsAt: Date
        let endsAt: Date?
        let timeDescription: String
        let repeats: String?
        let repeatsUntil: Date?
        let format: String
        let status: String
        let placeName: String
        let address: String
        let municipalityCode: String?
        let municipality: String?
        let onlineUrl: String?
        let calendarUrl: String
        let organisations: [Link]
    }

    struct Term: Encodable {
        let key: String
        let sv: String
        let en: String
    }

    struct Programme: Encodable {
        let slug: String
        let url: String
        let name: String
        let description: String
        let firstDay: String
        let lastDay: String
        let publicFrom: Date
        let isPublic: Bool
        let themes: [Term]
        let targetGroups: [Term]
        let activitiesUrl: String
        let calendarUrl: String
        let csvUrl: String
    }

    struct Accessibility: Encodable {
        let stepFree: Bool
        let hearingLoop: Bool
        let signLanguage: Bool
        let captions: Bool
        let notes: String
    }

    struct Organiser: Encodable {
        let slug: String
        let name: String
        let sector: String
    }

    struct Activity: Encodable {
        let id: String
        let url: String
        let programme: String
        let title: String
        let summary: String
        let startsAt: Date?
        let endsAt: Date?
        let format: String
        let allSweden: Bool
        let municipalityCode: String?
        let municipality: String?
        let region: String?
        let venue: String
        let address: String
        let onlineUrl: String?
        let themes: [String]
        let targetGroups: [String]
        let language: String
        let accessibility: Accessibility
        let organisers: [Organiser]
        let signUp: String
        let signUpUrl: String?
        let calendarUrl: String
    }

    struct Organisation: Encodable {
        let slug: String
        let url: String
        let name: String
        let sector: String
        let organisationNumber: String?
        let municipalityCode: String?
        let municipality: String?
        let region: String?
        let website: String?
        let verified: Bool
        let calendarUrl: String
    }

    struct Project: Encodable {
        let slug: String
        let url: String
        let title: String
        let language: String
        let excerpt: String
        let tags: [String]
    }

    struct Group: Encodable {
        let slug: String
        let url: String
        let title: String
        let language: String
        let excerpt: String
        let calendarUrl: String
    }

    struct Count: Encodable {
        let key: String
        let label: String
        let count: Int
    }

    struct Statistics: Encodable {
        let programme: String
        let activities: Int
        let organisations: Int
        let municipalitiesReached: Int
        let municipalitiesTotal: Int
        let formats: [Count]
        let sectors: [Count]
        let regions: [Count]
        let themes: [Count]
        let days: [Count]
    }

    /// One page of a list, and the cursor for the next.
    struct Page<Item: Encodable>: Encodable {
        let data: [Item]
        let total: Int
        let nextCursor: String?
    }
}
