import Fluent
import Foundation
import Vapor

/// The site's open data described in DCAT-AP-SE, so dataportal.se (and any DCAT harvester)
/// finds it: the events, the organisation directory and each public programme's activities,
/// each with its CSV, JSON (the API), iCalendar and Atom distributions, licence, publisher and contact point.
struct DataCatalog {
    struct Dataset {
        let key: String
        let title: (sv: String, en: String)
        let description: (sv: String, en: String)
        let themes: [String]
        let keywords: [String]
        let page: String
        let distributions: [Distribution]
        /// The time the data speaks of: a programme's days, the events' span, the directory from
        /// its first entry to its latest change.
        var temporal: (start: Date, end: Date)?
        var modified: Date?
    }

    struct Distribution {
        let title: String
        let url: String
        let mediaType: String
        /// An EU file-type name where the vocabulary has one; otherwise the media type is the format.
        let fileType: String?
        let description: (sv: String, en: String)
    }

    let base: String
    let siteName: String
    let email: String
    let license: String
    let publisherType: String
    let timeZone: TimeZone
    let issued: Date?
    let modified: Date?
    let datasets: [Dataset]

    static let themeBase = "http://publications.europa.eu/resource/authority/data-theme/"
    /// The EU data themes the datasets use, with the vocabulary's own labels.
    static let themes: [String: (sv: String, en: String)] = [
        "GOVE": ("Regeringen och den offentliga sektorn", "Government and public sector"),
        "SOCI": ("Befolkning och samhälle", "Population and society"),
        "TECH": ("Vetenskap och teknik", "Science and technology"),
    ]
    static let fileTypeBase = "http://publications.europa.eu/resource/authority/file-type/"
    static let languageBase = "http://publications.europa.eu/resource/authority/language/"
    static let sweden = "http://publications.europa.eu/resource/authority/country/SWE"
    static let licenceTypeBase = "http://purl.org/adms/licencetype/"

    /// What kind of licence the data licence is, from the EU's licence-type list, for the
    /// Creative Commons licences; another licence goes without (a warning for harvesters, no error).
    static func licenceTypes(_ license: String) -> [(key: String, label: String)] {
        let path = license.lowercased()
        if path.contains("publicdomain/zero") || path.contains("publicdomain/mark") {
            return [("PublicDomain", "Public domain")]
        }
        guard path.contains("creativecommons.org/licenses/") else { return [] }
        var types = [(key: "Attribution", label: "Attribution")]
        if path.contains("-sa") { types.append(("ShareAlike", "Share-alike")) }
        if path.contains("-nc") { types.append(("NonCommercialUseOnly", "Non-Commercial use only")) }
        return types
    }
    static let mediaTypeBase = "https://www.iana.org/assignments/media-types/"

    var graph: RDFGraph {
        var graph = RDFGraph()
        let catalog = RDFGraph.Node.iri(base + SiteURL.dataCatalog.path)
        let publisher = RDFGraph.Node.blank("publisher")
        let contact = RDFGraph.Node.blank("contact")
        graph.add(catalog, "rdf:type", .iri(RDFGraph.expand("dcat:Catalog")))
        graph.add(catalog, "dct:title", .text("Öppna data från \(siteName)", "sv"))
        graph.add(catalog, "dct:title", .text("Open data from \(siteName)", "en"))
        graph.add(
            catalog, "dct:description",
            .text(
                "Evenemang, programaktiviteter och organisationer i nätverket, som CSV, JSON, iCalendar och Atom.", "sv"
            ))
        graph.add(
            catalog, "dct:description",
            .text(
                "The network's events, programme activities and organisations, as CSV, JSON, iCalendar and Atom.", "en")
        )
        graph.add(catalog, "dct:publisher", publisher)
        graph.add(catalog, "foaf:homepage", base + "/", a: "foaf:Document")
        graph.add(catalog, "dct:license", license, a: "dct:LicenseDocument")
        for type in Self.licenceTypes(license) {
            graph.add(
                .iri(license), "dct:type", Self.licenceTypeBase + type.key, a: "skos:Concept",
                labels: ["en": type.label])
        }
        graph.add(catalog, "dct:language", Self.languageBase + "SWE", a: "dct:LinguisticSystem")
        graph.add(catalog, "dct:language", Self.languageBase + "ENG", a: "dct:LinguisticSystem")
        graph.add(catalog, "dct:spatial", Self.sweden, a: "dct:Location")
        // Sweden's extent and middle as WGS 84 longitude and latitude, as harvesters draw them on a map.
        graph.add(
            .iri(Self.sweden), "dcat:bbox",
            RDFGraph.wkt("POLYGON((10.96 55.34, 24.17 55.34, 24.17 69.06, 10.96 69.06, 10.96 55.34))"))
        graph.add(.iri(Self.sweden), "dcat:centroid", RDFGraph.wkt("POINT(16.32 62.39)"))
        graph.add(
            catalog, "dcat:themeTaxonomy", String(Self.themeBase.dropLast()), a: "skos:ConceptScheme",
            labels: ["en": "Data theme", "sv": "Datatema"], labelPredicate: "dct:title")
        if let issued { graph.add(catalog, "dct:issued", RDFGraph.dateTime(issued)) }
        if let modified { graph.add(catalog, "dct:modified", RDFGraph.dateTime(modified)) }
        graph.add(publisher, "rdf:type", .iri(RDFGraph.expand("foaf:Agent")))
        graph.add(publisher, "foaf:name", .text(siteName))
        graph.add(
            publisher, "dct:type", "http://purl.org/adms/publishertype/" + publisherType, a: "skos:Concept",
            labels: ["en": AppSettings.publisherTypes[publisherType] ?? publisherType])
        graph.add(contact, "rdf:type", .iri(RDFGraph.expand("vcard:Organization")))
        graph.add(contact, "rdf:type", .iri(RDFGraph.expand("vcard:Kind")))
        graph.add(contact, "vcard:fn", .text(siteName))
        graph.add(contact, "vcard:hasEmail", .iri("mailto:" + email))

        for (index, dataset) in datasets.enumerated() {
            let node = RDFGraph.Node.iri(base + SiteURL.dataCatalog.path + "#" + dataset.key)
            graph.add(catalog, "dcat:dataset", node)
            graph.add(node, "rdf:type", .iri(RDFGraph.expand("dcat:Dataset")))
            graph.add(node, "dct:title", .text(dataset.title.sv, "sv"))
            graph.add(node, "dct:title", .text(dataset.title.en, "en"))
            graph.add(node, "dct:description", .text(dataset.description.sv, "sv"))
            graph.add(node, "dct:description", .text(dataset.description.en, "en"))
            graph.add(node, "dct:publisher", publisher)
            graph.add(node, "dcat:contactPoint", contact)
            graph.add(node, "dcat:landingPage", dataset.page, a: "foaf:Document")
            graph.add(
                node, "dct:accrualPeriodicity", "http://publications.europa.eu/resource/authority/frequency/CONT",
                a: "dct:Frequency")
            graph.add(node, "dct:spatial", Self.sweden, a: "dct:Location")
            if let modified = dataset.modified { graph.add(node, "dct:modified", RDFGraph.dateTime(modified)) }
            if let temporal = dataset.temporal {
                let period = RDFGraph.Node.blank("period\(index + 1)")
                graph.add(node, "dct:temporal", period)
                graph.add(period, "rdf:type", .iri(RDFGraph.expand("dct:PeriodOfTime")))
                graph.add(period, "dcat:startDate", RDFGraph.date(temporal.start, in: timeZone))
                graph.add(period, "dcat:endDate", RDFGraph.date(temporal.end, in: timeZone))
            }
            for theme in dataset.themes {
                let label = Self.themes[theme]
                graph.add(
                    node, "dcat:theme", Self.themeBase + theme, a: "skos:Concept",
                    labels: ["sv": label?.sv ?? theme, "en": label?.en ?? theme])
            }
            for keyword in dataset.keywords { graph.add(node, "dcat:keyword", .text(keyword, "sv")) }
            for (index, distribution) in dataset.distributions.enumerated() {
                let part = RDFGraph.Node.iri(base + SiteURL.dataCatalog.path + "#" + dataset.key + "-\(index + 1)")
                let mediaType = Self.mediaTypeBase + distribution.mediaType
                graph.add(node, "dcat:distribution", part)
                graph.add(part, "rdf:type", .iri(RDFGraph.expand("dcat:Distribution")))
                graph.add(part, "dct:title", .text(distribution.title))
                graph.add(part, "dct:description", .text(distribution.description.sv, "sv"))
                graph.add(part, "dct:description", .text(distribution.description.en, "en"))
                graph.add(part, "dcat:accessURL", .iri(distribution.url))
                graph.add(part, "dcat:downloadURL", .iri(distribution.url))
                graph.add(part, "dcat:mediaType", mediaType, a: "dct:MediaType")
                graph.add(
                    part, "dct:format", distribution.fileType.map { Self.fileTypeBase + $0 } ?? mediaType,
                    a: "dct:MediaTypeOrExtent")
                graph.add(part, "dct:license", license, a: "dct:LicenseDocument")
                graph.add(
                    part, "dcatap:availability",
                    "http://publications.europa.eu/resource/authority/planned-availability/STABLE", a: "skos:Concept",
                    labels: ["en": "stable", "sv": "stabil"])
            }
        }
        return graph
    }

    static func make(_ request: Request) async throws -> DataCatalog {
        let settings = request.application.settings
        let base = settings.publicURL
        let db = request.db
        func url(_ route: SiteURL) -> String { base + route.path }
        let firstEvent = try await Event.query(on: db).min(\.$startsAt),
            lastEvent = try await Event.query(on: db).max(\.$startsAt)
        let firstOrganisation = try await Organisation.query(on: db).min(\.$createdAt)
        let organisationsChanged = try await Organisation.query(on: db).max(\.$updatedAt)
        var datasets = [
            Dataset(
                key: "events", title: ("Evenemang", "Events"),
                description: (
                    "Nätverkets evenemang: tid, plats eller länk, arrangör och status.",
                    "The network's events: time, place or link, organiser and status."
                ),
                themes: ["SOCI", "GOVE"], keywords: ["evenemang", "civic tech", "samverkan"],
                page: url(.events(.index)),
                distributions: distributions(
                    url, csv: .events(.indexCSV), json: .events, calendar: .events(.indexCalendar),
                    atom: .events(.indexFeed)),
                temporal: firstEvent.flatMap { first in lastEvent.map { (first, $0) } },
                modified: try await Event.query(on: db).max(\.$updatedAt)),
            Dataset(
                key: "organisations", title: ("Organisationer", "Organisations"),
                description: (
                    "Kommuner, regioner, myndigheter, föreningar, företag och lärosäten i nätverket, med sektor och kommun.",
                    "Municipalities, regions, agencies, associations, companies and universities in the network, with sector and municipality."
                ),
                themes: ["GOVE"], keywords: ["organisationer", "offentlig sektor", "civilsamhälle"],
                page: url(.organisations(.index)),
                distributions: distributions(
                    url, csv: .organisations(.csv), json: .organisations, calendar: nil, atom: nil),
                // From the first organisation's joining to the latest change: the directory as it stands.
                temporal: firstOrganisation.flatMap { first in organisationsChanged.map { (first, $0) } },
                modified: organisationsChanged),
        ]
        for programme in try await Programme.query(on: db).sort(\.$firstDay, .descending).all()
        where programme.isPublic(at: request.now) {
            let slug = Parameter<String>.value(programme.slug)
            datasets.append(
                Dataset(
                    key: "programme-" + programme.slug,
                    title: ("Aktiviteter: \(programme.name)", "Activities: \(programme.name)"),
                    description: (
                        "Godkända aktiviteter i programmet \(programme.name): tid, plats, format, teman, målgrupper och arrangörer.",
                        "Approved activities of the programme \(programme.name): time, place, format, themes, target groups and organisers."
                    ),
                    themes: ["GOVE", "TECH"], keywords: ["program", "aktiviteter", programme.name],
                    page: url(.programmes(.show(slug))),
                    distributions: distributions(
                        url, csv: .programmes(.csv(slug)), json: .activities(slug),
                        calendar: .programmes(.calendar(slug)),
                        atom: .programmes(.feed(slug))),
                    temporal: (programme.firstDay, programme.lastDay),
                    modified: try await Activity.query(on: db).filter(\.$programme.$id == programme.requireID()).max(
                        \.$updatedAt)
                ))
        }
        let firsts = [
            try await Event.query(on: db).min(\.$createdAt), try await Programme.query(on: db).min(\.$createdAt),
        ]
        return DataCatalog(
            base: base, siteName: settings.siteName, email: MailMessage.address(in: settings.mailFrom),
            license: settings.dataLicense, publisherType: settings.publisherType, timeZone: settings.timeZone,
            issued: (firsts.compactMap { $0 } + datasets.compactMap { $0.temporal?.start }).min(),
            modified: datasets.compactMap { $0.modified }.max(), datasets: datasets)
    }

    /// The same data as a CSV file, pages of the JSON API, a calendar feed and an Atom feed.
    private static func distributions(
        _ url: (SiteURL) -> String, csv: SiteURL?, json: APIRoute, calendar: SiteURL?, atom: SiteURL?
    ) -> [Distribution] {
        let table = csv.map {
            Distribution(
                title: "CSV", url: url($0), mediaType: "text/csv", fileType: "CSV",
                description: ("Hela tabellen som CSV, en rad per post.", "The whole table as CSV, one row per item."))
        }
        let api = Distribution(
            title: "JSON (API)", url: url(.api(json)), mediaType: "application/json", fileType: "JSON",
            description: (
                "JSON-API:t, sida för sida, beskrivet i /api/openapi.json.",
                "The JSON API, page by page, described at /api/openapi.json."
            ))
        let feed = calendar.map {
            Distribution(
                title: "iCalendar", url: url($0), mediaType: "text/calendar", fileType: nil,
                description: (
                    "Kalenderflöde att prenumerera på i en kalenderapp.",
                    "A calendar feed to subscribe to in a calendar app."
                ))
        }
        let news = atom.map {
            Distribution(
                title: "Atom", url: url($0), mediaType: "application/atom+xml", fileType: "ATOM",
                description: (
                    "Atom-flöde med de senast ändrade posterna.", "An Atom feed of the most recently changed items."
                ))
        }
        return [table, api, feed, news].compactMap { $0 }
    }
}

/// `/catalog.rdf` and `/catalog.ttl`.
struct DataCatalogController: Sendable {
    @Sendable func rdf(request: Request) async throws -> Response {
        try await respond(
            DataCatalog.make(request).graph.xml,
            type: HTTPMediaType(type: "application", subType: "rdf+xml", parameters: ["charset": "utf-8"]))
    }

    @Sendable func turtle(request: Request) async throws -> Response {
        try await respond(
            DataCatalog.make(request).graph.turtle,
            type: HTTPMediaType(type: "text", subType: "turtle", parameters: ["charset": "utf-8"]))
    }

    private func respond(_ text: String, type: HTTPMediaType) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
