import Fluent
import Foundation
import Vapor

/// A network's calendar at scale, for benchmarks and for trying the event pages with years of
/// history: events over the two months before today and the four after, across Sweden, each
/// organised by one or two of the given organisations. Seeded, so the same seed makes the same
/// calendar; every one is marked as a demo in its title's slug (`demo-event-…`) and replaced
/// when seeded again.
struct DemoEvents: Sendable {
    let app: Application
    let now: Date
    var seed: UInt64 = 2026

    static let slugPrefix = "demo-event-"

    func build(count: Int, organisations: [Organisation]) async throws -> Int {
        guard count > 0 else { return 0 }
        let calendar = app.calendar
        let today = calendar.startOfDay(for: now)
        let municipalities = app.municipalities.all
        return try await app.db.transaction { database in
            var random = SeededRandom(seed: seed &+ 1)
            let old = try await Event.query(on: database).withDeleted().filter(\.$slug =~ Self.slugPrefix).all(\.$id)
            try await EventOrganisation.query(on: database).filter(\.$event.$id ~~ old).delete()
            try await Event.query(on: database).withDeleted().filter(\.$id ~~ old).delete(force: true)
            var events: [Event] = []
            for index in 0..<count {
                let (subject, _) = DemoProgramme.subjects[
                    Int.random(in: 0..<DemoProgramme.subjects.count, using: &random)]
                let (kind, _) = DemoProgramme.kinds[Int.random(in: 0..<DemoProgramme.kinds.count, using: &random)]
                let place = municipalities[Int.random(in: 0..<municipalities.count, using: &random)]
                let format = random.weighted([(EventFormat.physical, 6), (.online, 3), (.hybrid, 2)])
                let day =
                    calendar.date(byAdding: .day, value: Int.random(in: -60...120, using: &random), to: today) ?? today
                let start =
                    calendar.date(bySettingHour: Int.random(in: 8...19, using: &random), minute: 0, second: 0, of: day)
                    ?? day
                let event = Event()
                event.title = format == .online ? "\(kind): \(subject)" : "\(kind): \(subject) i \(place.name)"
                event.slug = Self.slugPrefix + "\(index + 1)-" + Slug.make(from: event.title)
                event.language = .sv
                event.excerpt = "Ett demoevenemang om \(subject)."
                event.ingress = ""
                event.body =
                    "## Om evenemanget\n\nVi träffas för att prata om \(subject): exempel, frågor och vad vi gör härnäst."
                event.startsAt = start
                event.endsAt = start.addingTimeInterval(
                    Double([60, 90, 120, 180][Int.random(in: 0...3, using: &random)]) * 60)
                event.dateDescription = ""
                event.format = format
                event.placeName = format == .online ? "" : ["Stadsbiblioteket", "Kulturhuset", "Rådhuset"][index % 3]
                event.address =
                    format == .online ? "" : "Storgatan \(Int.random(in: 1...60, using: &random)), \(place.name)"
                event.municipalityCode = format == .online ? nil : place.code
                event.onlineURL = format == .physical ? nil : "https://meet.example.org/demo-event-\(index + 1)"
                event.links = []
                event.partners = []
                event.status = .scheduled
                event.recurrence = .none
                events.append(event)
            }
            try await events.createInBatches(on: database)
            guard !organisations.isEmpty else { return events.count }
            var links: [EventOrganisation] = []
            for event in events {
                let chosen = Set(
                    (0..<Int.random(in: 1...2, using: &random)).map { _ in
                        Int.random(in: 0..<organisations.count, using: &random)
                    })
                for index in chosen.sorted() {
                    let link = EventOrganisation()
                    link.$event.id = try event.requireID()
                    link.$organisation.id = try organisations[index].requireID()
                    links.append(link)
                }
            }
            try await links.createInBatches(on: database)
            return events.count
        }
    }
}
