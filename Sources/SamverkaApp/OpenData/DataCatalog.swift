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
    }

    struct Distribution {
        let title: String
        let url: String
        let mediaType: String
        /// An EU file-type name where the vocabulary has one.
        let fileType: String?
    }

    let base: String
    let siteName: String
    let email: String
    let license: String
    let datasets: [Dataset]

    static let themeBase = "http://publications.europa.eu/resource/authority/data-theme/"
    static let fileTypeBase = "http://publications.europa.eu/resource/authority/file-type/"
    static let languageBase = "http://publications.europa.eu/resource/authority/language/"

    var graph: RDFGraph {
        var graph = RDFGraph()
        let catalog = RDFGraph.Node.iri(base + SiteURL.dataCatalog.path)
        let publisher = RDFGraph.Node.blank("publisher")
        let contact = RDFGraph.Node.blank("contact")
        graph.add(catalog, "rdf:type", .iri(RDFGraph.expand("dcat:Catalog")))
        graph.add(catalog, "dct:title", .text("Öppna data från \(siteName)", "sv"))
        graph.add(catalog, "dct:title", .text("Open data from \(siteName)", "en"))
        graph.add(catalog, "dct:description", .text("Evenemang, programaktiviteter och organisationer i nätverket, som CSV, JSON, iCalendar och Atom.", "sv"))
        graph.add(catalog, "dct:description", .text("The network's events, programme activities and organisations, as CSV, JSON, iCalendar and Atom.", "en"))
        graph.add(catalog, "dct:publisher", publisher)
        graph.add(catalog, "foaf:homepage", .iri(base + "/"))
        graph.add(catalog, "dct:license", .iri(license))
        graph.add(catalog, "dct:language", .iri(Self.languageBase + "SWE"))
        graph.add(catalog, "dct:language", .iri(Self.languageBase + "ENG"))
        graph.add(publisher, "rdf:type", .iri(RDFGraph.expand("foaf:Agent")))
        graph.add(publisher, "foaf:name", .text(siteName))
        graph.add(contact, "rdf:type", .iri(RDFGraph.expand("vcard:Organization")))
        graph.add(contact, "vcard:fn", .text(siteName))
        graph.add(contact, "vcard:hasEmail", .iri("mailto:" + email))

        for dataset in datasets {
            let node = RDFGraph.Node.iri(base + SiteURL.dataCatalog.path + "#" + dataset.key)
            graph.add(catalog, "dcat:dataset", node)
            graph.add(node, "rdf:type", .iri(RDFGraph.expand("dcat:Dataset")))
            graph.add(node, "dct:title", .text(dataset.title.sv, "sv"))
            graph.add(node, "dct:title", .text(dataset.title.en, "en"))
            graph.add(node, "dct:description", .text(dataset.description.sv, "sv"))
            graph.add(node, "dct:description", .text(dataset.description.en, "en"))
            graph.add(node, "dct:publisher", publisher)
            graph.add(node, "dcat:contactPoint", contact)
            graph.add(node, "dcat:landingPage", .iri(dataset.page))
            graph.add(node, "dct:accrualPeriodicity", .iri("http://publications.europa.eu/resource/authority/frequency/CONT"))
            for theme in dataset.themes { graph.add(node, "dcat:theme", .iri(Self.themeBase + theme)) }
            for keyword in dataset.keywords { graph.add(node, "dcat:keyword", .text(keyword, "sv")) }
            for (index, distribution) in dataset.distributions.enumerated() {
                let part = RDFGraph.Node.iri(base + SiteURL.dataCatalog.path + "#" + dataset.key + "-\(index + 1)")
                graph.add(node, "dcat:distribution", part)
                graph.add(part, "rdf:type", .iri(RDFGraph.expand("dcat:Distribution")))
                graph.add(part, "dct:title", .text(distribution.title))
                graph.add(part, "dcat:accessURL", .iri(distribution.url))
                graph.add(part, "dcat:downloadURL", .iri(distribution.url))
                graph.add(part, "dcat:mediaType", .iri("https://www.iana.org/assignments/media-types/" + distribution.mediaType))
                if let fileType = distribution.fileType { graph.add(part, "dct:format", .iri(Self.fileTypeBase + fileType)) }
                graph.add(part, "dct:license", .iri(license))
            }
        }
        return graph
    }

    static func make(_ request: Request) async throws -> DataCatalog {
        let settings = request.application.settings
        let base = settings.publicURL
        func url(_ route: SiteURL) -> String { base + route.path }
        func distributions(csv: SiteURL?, json: APIRoute, calendar: SiteURL?, atom: SiteURL?) -> [Distribution] {
            (csv.map { [Distribution(title: "CSV", url: url($0), mediaType: "text/csv", fileType: "CSV")] } ?? [])
                + [Distribution(title: "JSON (API)", url: url(.api(json)), mediaType: "application/json", fileType: "JSON")]
                + (calendar.map { [Distribution(title: "iCalendar", url: url($0), mediaType: "text/calendar", fileType: nil)] } ?? [])
                + (atom.map { [Distribution(title: "Atom", url: url($0), mediaType: "application/atom+xml", fileType: "ATOM")] } ?? [])
        }
        var datasets = [
            Dataset(key: "events", title: ("Evenemang", "Events"),
                    description: ("Nätverkets evenemang: tid, plats eller länk, arrangör och status.", "The network's events: time, place or link, organiser and status."),
                    themes: ["SOCI", "GOVE"], keywords: ["evenemang", "civic tech", "samverkan"], page: url(.events(.index)),
                    distributions: distributions(csv: .events(.indexCSV), json: .events, calendar: .events(.indexCalendar), atom: .events(.indexFeed))),
            Dataset(key: "organisations", title: ("Organisationer", "Organisations"),
                    description: ("Kommuner, regioner, myndigheter, föreningar, företag och lärosäten i nätverket, med sektor och kommun.",
                                  "Municipalities, regions, agencies, associations, companies and universities in the network, with sector and municipality."),
                    themes: ["GOVE"], keywords: ["organisationer", "offentlig sektor", "civilsamhälle"], page: url(.organisations(.index)),
                    distributions: distributions(csv: .organisations(.csv), json: .organisations, calendar: nil, atom: nil)),
        ]
        for programme in try await Programme.query(on: request.db).sort(\.$firstDay, .descending).all() where programme.isPublic(at: request.now) {
            let slug = Parameter<String>.value(programme.slug)
            datasets.append(Dataset(
                key: "programme-" + programme.slug, title: ("Aktiviteter: \(programme.name)", "Activities: \(programme.name)"),
                description: ("Godkända aktiviteter i programmet \(programme.name): tid, plats, format, teman, målgrupper och arrangörer.",
                              "Approved activities of the programme \(programme.name): time, place, format, themes, target groups and organisers."),
                themes: ["GOVE", "TECH"], keywords: ["program", "aktiviteter", programme.name], page: url(.programmes(.show(slug))),
                distributions: distributions(csv: .programmes(.csv(slug)), json: .activities(slug), calendar: .programmes(.calendar(slug)), atom: .programmes(.feed(slug)))
            ))
        }
        return DataCatalog(base: base, siteName: settings.siteName, email: MailMessage.address(in: settings.mailFrom),
                           license: settings.dataLicense, datasets: datasets)
    }
}

/// `/catalog.rdf` and `/catalog.ttl`.
struct DataCatalogController: Sendable {
    @Sendable func rdf(request: Request) async throws -> Response {
        try await respond(DataCatalog.make(request).graph.xml, type: HTTPMediaType(type: "application", subType: "rdf+xml", parameters: ["charset": "utf-8"]))
    }

    @Sendable func turtle(request: Request) async throws -> Response {
        try await respond(DataCatalog.make(request).graph.turtle, type: HTTPMediaType(type: "text", subType: "turtle", parameters: ["charset": "utf-8"]))
    }

    private func respond(_ text: String, type: HTTPMediaType) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
