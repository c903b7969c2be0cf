import Fluent
import Foundation
import SQLKit
import Vapor

/// Builds a realistic programme week: an edition around today, organisations across Sweden,
/// and activities spread over many municipalities, from a seeded generator so the same seed
/// always builds the same edition. `seed demo` makes about 300; benchmarks make thousands.
struct DemoProgramme: Sendable {
    let app: Application
    let now: Date
    var seed: UInt64 = 2026

    static let slug = "innovationsveckan-demo"

    static let themes = [
        ProgrammeTerm(key: "ai", sv: "AI och automatisering", en: "AI and automation"),
        ProgrammeTerm(key: "open-data", sv: "Öppna data", en: "Open data"),
        ProgrammeTerm(key: "climate", sv: "Klimat och miljö", en: "Climate and environment"),
        ProgrammeTerm(key: "health", sv: "Hälsa och omsorg", en: "Health and care"),
        ProgrammeTerm(key: "democracy", sv: "Demokrati och delaktighet", en: "Democracy and participation"),
        ProgrammeTerm(key: "school", sv: "Skola och lärande", en: "School and learning"),
        ProgrammeTerm(key: "services", sv: "Digitala tjänster", en: "Digital services"),
        ProgrammeTerm(key: "security", sv: "Säkerhet och beredskap", en: "Security and preparedness"),
    ]
    static let targetGroups = [
        ProgrammeTerm(key: "public", sv: "Allmänheten", en: "The public"),
        ProgrammeTerm(key: "civil-servants", sv: "Offentliganställda", en: "Civil servants"),
        ProgrammeTerm(key: "business", sv: "Företag", en: "Businesses"),
        ProgrammeTerm(key: "students", sv: "Studenter", en: "Students"),
        ProgrammeTerm(key: "associations", sv: "Föreningar", en: "Associations"),
    ]
    /// Kinds of activity with their Swedish article, for "… bjuder in till en workshop".
    static let kinds = [
        ("Workshop", "en"), ("Seminarium", "ett"), ("Frukostmöte", "ett"), ("Webbinarium", "ett"), ("Hackathon", "ett"),
        ("Öppet hus", "ett"), ("Studiebesök", "ett"), ("Panelsamtal", "ett"), ("Föreläsning", "en"),
        ("Innovationslabb", "ett"),
    ]
    static let subjects: [(String, String)] = [
        ("AI i offentlig sektor", "ai"), ("kommunernas öppna data", "open-data"),
        ("klimatanpassning med data", "climate"),
        ("digital vård på distans", "health"), ("medborgardialog på nätet", "democracy"),
        ("digitala verktyg i skolan", "school"),
        ("e-tjänster som alla kan använda", "services"), ("informationssäkerhet i kommunen", "security"),
        ("smarta energisystem", "climate"), ("öppen källkod i förvaltningen", "services"),
        ("delaktighet för unga", "democracy"),
        ("framtidens äldreomsorg", "health"), ("data för bättre kollektivtrafik", "open-data"),
        ("krisberedskap och samverkan", "security"),
        ("AI-stöd i handläggning", "ai"), ("innovation i upphandling", "services"),
    ]
    static let orgWords = [
        "Framtid", "Innovation", "Samhälle", "Digital", "Data", "Teknik", "Hållbarhet", "Kunskap", "Närhet", "Öppenhet",
    ]

    /// Builds (or rebuilds) the demo edition with `activityCount` activities, by
    /// `organisationCount` organisations (one for every eight activities when not given).
    func build(activityCount: Int, organisationCount: Int? = nil) async throws -> Int {
        let calendar = app.calendar
        let today = calendar.startOfDay(for: now)
        let firstDay = Self.firstDay(after: today, calendar: calendar)
        let lastDay = calendar.date(byAdding: .day, value: 4, to: firstDay) ?? firstDay
        let municipalities = app.municipalities.all

        return try await app.db.transaction { database in
            var random = SeededRandom(seed: seed)
            if let old = try await Programme.find(slug: Self.slug, on: database) { try await old.delete(on: database) }
            let programme = Programme()
            programme.slug = Self.slug
            programme.name = "Innovationsveckan (demo)"
            programme.description =
                "En demovecka där kommuner, regioner, myndigheter, föreningar, företag och lärosäten visar hur de förnyar Sverige. **Alla aktiviteter är påhittade** för att visa hur Samverka fungerar."
            programme.firstDay = firstDay
            programme.lastDay = lastDay
            programme.submissionOpensAt = calendar.date(byAdding: .day, value: -60, to: today) ?? today
            programme.submissionClosesAt = nil
            programme.publicFrom = calendar.date(byAdding: .day, value: -7, to: today) ?? today
            programme.themes = Self.themes
            programme.targetGroups = Self.targetGroups
            programme.requiresPublicParty = true
            programme.maxActivitiesPerOrganisation = nil
            programme.activitiesVersion = 0
            try await programme.save(on: database)

            let organisations = try await organisationsFor(
                count: organisationCount ?? max(12, min(400, activityCount / 8)), municipalities: municipalities,
                random: &random, on: database)
            let publicOnes = organisations.filter { $0.sector.isPublic }
            var activities: [Activity] = []
            var slugs: Set<String> = []
            var partnerLinks: [(Int, Organisation)] = []
            for index in 0..<activityCount {
                let organisation = organisations[Int.random(in: 0..<organisations.count, using: &random)]
                let format = random.weighted([(Activity.Format.physical, 6), (.digital, 3), (.hybrid, 2)])
                let (subject, theme) = Self.subjects[Int.random(in: 0..<Self.subjects.count, using: &random)]
                let (kind, article) =
                    format == .digital
                    ? ("Webbinarium", "ett") : Self.kinds[Int.random(in: 0..<Self.kinds.count, using: &random)]
                let place =
                    organisation.municipalityCode.flatMap { app.municipalities[$0] }
                    ?? municipalities[Int.random(in: 0..<municipalities.count, using: &random)]
                let day =
                    calendar.date(byAdding: .day, value: Int.random(in: 0...4, using: &random), to: firstDay)
                    ?? firstDay
                let hour = Int.random(in: 8...18, using: &random)
                let start =
                    calendar.date(
                        bySettingHour: hour, minute: [0, 15, 30][Int.random(in: 0...2, using: &random)], second: 0,
                        of: day) ?? day
                let activity = Activity()
                activity.$programme.id = try programme.requireID()
                activity.$organisation.id = try organisation.requireID()
                activity.status = random.weighted([(Activity.Status.approved, 90), (.submitted, 7), (.draft, 3)])
                activity.title = format == .digital ? "\(kind): \(subject)" : "\(kind): \(subject) i \(place.name)"
                activity.slug = ActivitySlugs.free(for: activity.title, taken: slugs)
                slugs.insert(activity.slug)
                activity.summary =
                    "\(organisation.name) bjuder in till \(article) \(kind.lowercased()) om \(subject). Välkommen att lyssna, fråga och dela dina erfarenheter."
                activity.description =
                    "## Om aktiviteten\n\nVi går igenom hur \(subject) förändrar vardagen och vad som krävs för att lyckas.\n\n- Korta exempel från verksamheten\n- Frågor och samtal\n- Tips på hur du kommer vidare"
                activity.format = format
                activity.startsAt = start
                activity.endsAt = start.addingTimeInterval(
                    Double([60, 90, 120, 180][Int.random(in: 0...3, using: &random)]) * 60)
                let allSweden = format == .digital && Int.random(in: 0...2, using: &random) == 0
                activity.allSweden = allSweden
                activity.municipalityCode = allSweden ? nil : place.code
                activity.venue =
                    format == .digital
                    ? ""
                    : ["Stadsbiblioteket", "Kulturhuset", "Innovationshuset", "Rådhuset", "Science Park"][
                        Int.random(in: 0...4, using: &random)]
                activity.address =
                    format == .digital ? "" : "Storgatan \(Int.random(in: 1...60, using: &random)), \(place.name)"
                activity.onlineURL = format == .physical ? nil : "https://meet.example.org/\(Self.slug)-\(index)"
                var themes = [theme]
                if Int.random(in: 0...3, using: &random) == 0 {
                    themes.append(Self.themes[Int.random(in: 0..<Self.themes.count, using: &random)].key)
                }
                activity.themes = Array(Set(themes)).sorted()
                activity.targetGroups = [
                    Self.targetGroups[Int.random(in: 0..<Self.targetGroups.count, using: &random)].key
                ]
                activity.language = random.weighted([("sv", 8), ("en", 1), ("sv-en", 1)])
                activity.stepFree = Bool.random(using: &random)
                activity.hearingLoop = Int.random(in: 0...2, using: &random) == 0
                activity.signLanguage = Int.random(in: 0...9, using: &random) == 0
                activity.captions = format != .physical && Bool.random(using: &random)
                activity.accessibilityNotes = ""
                activity.signUp = random.weighted([(Activity.SignUp.none, 1), (.external, 1)])
                // Every third activity without an outside sign-up takes sign-ups here instead.
                if activity.signUp == .none && index % 3 == 0 { activity.signUp = .samverka }
                activity.signUpURL = activity.signUp == .external ? "https://anmalan.example.org/\(index)" : nil
                // Organisers submit over the month before, each at their own moment.
                activity.submittedAt = now.addingTimeInterval(-Double.random(in: 3_600...(30 * 86_400), using: &random))
                activity.reviewMessage = ""
                var organisers = [organisation]
                if !organisation.sector.isPublic, let partner = publicOnes.randomElement(using: &random) {
                    partnerLinks.append((index, partner))
                    organisers.append(partner)
                }
                activity.refreshSearchText(organisations: organisers, municipalities: app.municipalities)
                activities.append(activity)
            }
            try await activities.createInBatches(on: database)
            // Saved in one go, the activities would share one change time, which feed readers
            // take as one entry changed many times; each was last changed when it was submitted.
            if let sql = database as? any SQLDatabase {
                try await sql.raw(
                    "UPDATE activities SET updated_at = submitted_at WHERE programme_id = \(bind: try programme.requireID()) AND submitted_at IS NOT NULL"
                ).run()
            }
            let setups = try activities.enumerated().filter { $0.element.signUp == .samverka }.map { index, activity in
                let setup = RegistrationSetup.fresh(for: ActivitySubject(activity: activity, programme: programme))
                setup.mode = .samverka
                setup.capacity = [20, 30, 50, 100][index % 4]
                return setup
            }
            try await setups.createInBatches(on: database)
            var partners: [ActivityPartner] = []
            for (index, organisation) in partnerLinks {
                let partner = ActivityPartner(
                    activityID: try activities[index].requireID(), organisationID: try organisation.requireID(),
                    role: .participant)
                partner.confirmedAt = now
                partners.append(partner)
            }
            try await partners.createInBatches(on: database)
            return activities.count
        }
    }

    /// The week starts on the Monday three weeks ahead, so it always lies just ahead, or on a
    /// later Monday where that week would fall in the Christmas and New Year holidays
    /// (20 December – 6 January) or in July, when nobody in Sweden runs a programme week.
    static func firstDay(after today: Date, calendar: Calendar) -> Date {
        let weekday = calendar.component(.weekday, from: today)
        var monday = calendar.date(byAdding: .day, value: (9 - weekday) % 7 + 21, to: today) ?? today
        func isHoliday(_ day: Date) -> Bool {
            let month = calendar.component(.month, from: day), date = calendar.component(.day, from: day)
            return month == 7 || (month == 12 && date >= 20) || (month == 1 && date <= 6)
        }
        while (0...4).contains(where: { isHoliday(calendar.date(byAdding: .day, value: $0, to: monday) ?? monday) }) {
            monday = calendar.date(byAdding: .day, value: 7, to: monday) ?? monday
        }
        return monday
    }

    /// `count` organisations: municipalities and regions by the names they go by, the rest
    /// invented (fewer when the names run out).
    private func organisationsFor(
        count: Int, municipalities: [Municipality], random: inout SeededRandom, on database: any Database
    ) async throws -> [Organisation] {
        var made: [Organisation] = []
        var used = Set<String>()
        for _ in 0..<(count * 4) where made.count < count {
            let sector = random.weighted([
                (Sector.municipality, 40), (.region, 6), (.agency, 8), (.civilSociety, 18), (.business, 16),
                (.academia, 8), (.otherPublic, 4),
            ])
            let municipality = municipalities[Int.random(in: 0..<municipalities.count, using: &random)]
            let word = Self.orgWords[Int.random(in: 0..<Self.orgWords.count, using: &random)]
            let name: String =
                switch sector {
                case .municipality: municipality.councilName
                case .region: Region(code: municipality.regionCode, name: municipality.regionName).councilName
                case .agency: "Myndigheten för \(word.lowercased()) (demo)"
                case .otherPublic: "\(municipality.name) \(word.lowercased())bolag (demo)"
                case .civilSociety: "Föreningen \(word) \(municipality.name)"
                case .business: "\(word)verkstaden i \(municipality.name) AB (demo)"
                case .academia: "Högskolan i \(municipality.name) (demo)"
                case .other: "Nätverket \(word) (demo)"
                }
            // One organisation a name: a network has one Tranemo kommun, not two.
            let slug = "demo-" + Slug.make(from: name)
            guard used.insert(slug).inserted else { continue }
            let organisation = try await Organisation.find(slug: slug, on: database) ?? Organisation()
            organisation.slug = slug
            organisation.name = name
            organisation.sector = sector
            organisation.municipalityCode = sector == .region ? nil : municipality.code
            organisation.description = "En demoorganisation i \(municipality.name)."
            organisation.website = nil
            try await organisation.save(on: database)
            made.append(organisation)
        }
        return made
    }
}
