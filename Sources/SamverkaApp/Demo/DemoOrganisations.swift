import Fluent
import Foundation
import Vapor

/// The demo network's organisations, read from `Resources/Demo/organisations.json` and linked
/// to the demo events they take part in. Upserted by slug, so seeding again changes nothing.
struct DemoOrganisation: Decodable {
    let slug: String
    let name: String
    let sector: Sector
    let municipalityCode: String?
    let website: String?
    let verified: Bool
    let description: String
    let events: [String]

    static func seed(_ app: Application, now: Date) async throws -> Int {
        let path = app.directory.resourcesDirectory + "Demo/organisations.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Abort(.internalServerError, reason: "The demo organisations are missing at \(path)")
        }
        let organisations = try JSONDecoder().decode([DemoOrganisation].self, from: data)
        try await app.db.transaction { database in
            for demo in organisations {
                let organisation = try await Organisation.find(slug: demo.slug, on: database) ?? Organisation()
                organisation.slug = demo.slug
                organisation.name = demo.name
                organisation.sector = demo.sector
                organisation.municipalityCode = demo.municipalityCode
                organisation.website = demo.website
                organisation.description = demo.description
                organisation.verifiedAt = demo.verified ? (organisation.verifiedAt ?? now) : nil
                try await organisation.save(on: database)
                let events = try await Event.query(on: database).filter(\.$slug ~~ demo.events).all()
                let organisationID = try organisation.requireID()
                try await EventOrganisation.query(on: database).filter(\.$organisation.$id == organisationID).delete()
                for event in events {
                    let link = EventOrganisation()
                    link.$event.id = try event.requireID()
                    link.$organisation.id = organisationID
                    try await link.save(on: database)
                }
            }
        }
        return organisations.count
    }
}
