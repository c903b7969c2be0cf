import Foundation

/// A small RDF graph and its two common spellings, RDF/XML and Turtle: enough for a DCAT
/// catalogue, which harvesters such as dataportal.se read in either.
struct RDFGraph {
    enum Node: Hashable {
        case iri(String)
        case blank(String)
        case literal(String, language: String?, datatype: String?)

        static func text(_ value: String, _ language: String? = nil) -> Node {
            .literal(value, language: language, datatype: nil)
        }
    }

    static let namespaces: [String: String] = [
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dcatap": "http://data.europa.eu/r5r/",
    ]

    private(set) var triples: [(subject: Node, predicate: String, object: Node)] = []

    /// `predicate` as `prefix:name`, one of `namespaces`.
    mutating func add(_ subject: Node, _ predicate: String, _ object: Node) {
        triples.append((subject, Self.expand(predicate), object))
    }

    /// A link to a thing named elsewhere (a licence, a media type, a vocabulary's concept), saying
    /// once what class it is: validators check the class and do not fetch the thing to learn it.
    /// A concept from a vocabulary also brings its label (`labels`, language to text, under
    /// `labelPredicate`), which the class's shape asks for.
    mutating func add(
        _ subject: Node, _ predicate: String, _ object: String, a type: String,
        labels: KeyValuePairs<String, String> = [:], labelPredicate: String = "skos:prefLabel"
    ) {
        add(subject, predicate, .iri(object))
        let rdfType = Self.expand("rdf:type"), typeNode = Node.iri(Self.expand(type))
        if !triples.contains(where: { $0.subject == .iri(object) && $0.predicate == rdfType && $0.object == typeNode })
        {
            triples.append((.iri(object), rdfType, typeNode))
            for (language, label) in labels { add(.iri(object), labelPredicate, .text(label, language)) }
        }
    }

    /// A geometry in Well-Known Text (GeoSPARQL), longitude before latitude.
    static func wkt(_ text: String) -> Node {
        .literal(text, language: nil, datatype: "http://www.opengis.net/ont/geosparql#wktLiteral")
    }

    /// An `xsd:dateTime` literal in UTC.
    static func dateTime(_ date: Date) -> Node {
        .literal(AtomFeed.date(date), language: nil, datatype: "http://www.w3.org/2001/XMLSchema#dateTime")
    }

    /// An `xsd:date` literal, the day in the given zone.
    static func date(_ date: Date, in timeZone: TimeZone) -> Node {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d-%02d-%02d", day.year ?? 1970, day.month ?? 1, day.day ?? 1)
        return .literal(text, language: nil, datatype: "http://www.w3.org/2001/XMLSchema#date")
    }

    static func expand(_ name: String) -> String {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let base = namespaces[parts[0]] else { return name }
        return base + parts[1]
    }

    private var subjects: [Node] {
        var seen: [Node] = []
        for triple in triples where !seen.contains(triple.subject) { seen.append(triple.subject) }
        return seen
    }

    /// The namespace prefix and local name of a predicate, for RDF/XML elements.
    private static func qualified(_ iri: String) -> (prefix: String, name: String)? {
        for (prefix, base) in namespaces where iri.hasPrefix(base) {
            return (prefix, String(iri.dropFirst(base.count)))
        }
        return nil
    }

    var xml: String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<rdf:RDF "
                + Self.namespaces.sorted { $0.key < $1.key }.map { "xmlns:\($0.key)=\"\($0.value)\"" }.joined(
                    separator: " ") + ">",
        ]
        for subject in subjects {
            switch subject {
            case .iri(let iri): lines.append("  <rdf:Description rdf:about=\"\(Self.escape(iri))\">")
            case .blank(let id): lines.append("  <rdf:Description rdf:nodeID=\"\(id)\">")
            case .literal: continue
            }
            for triple in triples where triple.subject == subject {
                guard let (prefix, name) = Self.qualified(triple.predicate) else { continue }
                let element = prefix + ":" + name
                switch triple.object {
                case .iri(let iri): lines.append("    <\(element) rdf:resource=\"\(Self.escape(iri))\"/>")
                case .blank(let id): lines.append("    <\(element) rdf:nodeID=\"\(id)\"/>")
                case .literal(let value, let language, let datatype):
                    let attribute =
                        language.map { " xml:lang=\"\($0)\"" } ?? datatype.map {
                            " rdf:datatype=\"\(Self.escape($0))\""
                        } ?? ""
                    lines.append("    <\(element)\(attribute)>\(Self.escape(value))</\(element)>")
                }
            }
            lines.append("  </rdf:Description>")
        }
        lines.append("</rdf:RDF>")
        return lines.joined(separator: "\n") + "\n"
    }

    var turtle: String {
        var lines = Self.namespaces.sorted { $0.key < $1.key }.map { "@prefix \($0.key): <\($0.value)> ." }
        for subject in subjects {
            let statements = triples.filter { $0.subject == subject }.map {
                "    " + Self.turtle(predicate: $0.predicate) + " " + Self.turtle($0.object)
            }
            lines.append("")
            lines.append(Self.turtle(subject))
            lines.append(statements.joined(separator: " ;\n") + " .")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func turtle(predicate: String) -> String {
        if predicate == namespaces["rdf"]! + "type" { return "a" }
        return qualified(predicate).map { "\($0.prefix):\($0.name)" } ?? "<\(predicate)>"
    }

    private static func turtle(_ node: Node) -> String {
        switch node {
        case .iri(let iri): return "<" + iri.replacingOccurrences(of: ">", with: "%3E") + ">"
        case .blank(let id): return "_:" + id
        case .literal(let value, let language, let datatype):
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "\"", with: "\\\""
            )
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            return "\"" + escaped + "\"" + (language.map { "@" + $0 } ?? datatype.map { "^^<" + $0 + ">" } ?? "")
        }
    }

    private static func escape(_ text: String) -> String { AtomFeed.text(text) }
}
