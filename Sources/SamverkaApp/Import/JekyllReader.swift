import Foundation

/// Reads a Jekyll site laid out like civictech.se: `_events/`, `_posts/` (projects),
/// `_groups/`, `_uploads/`, with `lang`/`ref` front matter pairing translations.
///
/// Reading never stops at a bad file: each problem is reported with its file and reason,
/// and everything else is still read.
struct JekyllReader {
    let root: URL
    let timeZone: TimeZone
    let municipalities: Municipalities
    var report: ImportReport

    static let knownEventFields: Set<String> = [
        "title", "ref", "lang", "image", "excerpt", "ingress-text", "event-date", "event-date-desc", "place",
        "group", "links", "permalink", "partners", "layout",
    ]
    static let knownProjectFields: Set<String> = [
        "title", "date", "categories", "tags", "ref", "lang", "links", "ingress-text", "excerpt", "image",
        "contact", "chat", "permalink", "group", "events", "layout",
    ]
    static let knownGroupFields: Set<String> = [
        "title", "ref", "lang", "excerpt", "ingress-text", "contact", "partners", "permalink", "layout", "image",
    ]

    init(root: URL, timeZone: TimeZone, municipalities: Municipalities) {
        self.root = root
        self.timeZone = timeZone
        self.municipalities = municipalities
        report = ImportReport()
    }

    /// The Markdown files of a collection folder, sorted so runs are repeatable.
    func files(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }.sorted().map { folder + "/" + $0 }
    }

    var uploadFiles: [String] {
        let base = root.appendingPathComponent("_uploads")
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(
                atPath: base.appendingPathComponent(next).path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                files.append(next)
            }
        }
        return files.sorted()
    }

    /// The language of files without `lang`, from `_config.yml`'s defaults for the collection.
    func defaultLanguage(for collection: String) -> Language {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("_config.yml").path),
            let text = String(data: data, encoding: .utf8),
            let document = try? FrontMatterDocument(text: "---\n" + text + "\n---\n"),
            let defaults = document.fields["defaults"] as? [Any]
        else { return .sv }
        for entry in defaults.compactMap({ $0 as? [String: Any] }) {
            let scope = entry["scope"] as? [String: Any]
            let values = entry["values"] as? [String: Any]
            if FrontMatterValue.string(scope?["type"]) == collection,
                let language = FrontMatterValue.string(values?["lang"]).flatMap(Language.init(rawValue:))
            {
                return language
            }
        }
        return .sv
    }

    // MARK: Files

    mutating func load(_ file: String) -> FrontMatterDocument? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else {
            report.skip(file, "cannot be read")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report.skip(file, "is not UTF-8 text")
            return nil
        }
        do {
            return try FrontMatterDocument(text: text)
        } catch {
            switch error {
            case .missingFrontMatter: report.skip(file, "has no front matter block (it must start with ---)")
            case .unterminatedFrontMatter: report.skip(file, "front matter block is not closed with ---")
            case .invalidYAML(let detail): report.skip(file, "front matter is not valid YAML: \(detail)")
            case .notAMapping: report.skip(file, "front matter is not a list of fields")
            }
            return nil
        }
    }

    /// The slug of a file: its name without extension and without a `YYYY-MM-DD-` prefix.
    static func slug(of file: String) -> String {
        var name = (file as NSString).lastPathComponent
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let datePrefix = /^\d{4}-\d{2}-\d{2}-/
        if let match = name.firstMatch(of: datePrefix) { name = String(name[match.range.upperBound...]) }
        return name
    }

    /// A reference to another file of the site (`_groups/stockholm.md`, `stockholm`) as a slug.
    static func reference(_ value: Any?) -> String? {
        guard let text = FrontMatterValue.string(value) else { return nil }
        return slug(of: text)
    }

    private mutating func common(
        _ document: FrontMatterDocument, file: String, collection: String, known: Set<String>
    ) -> ImportedCommon? {
        for key in document.fields.keys.sorted() where !known.contains(key) {
            report.warn(file, "unknown field '\(key)' was not imported")
        }
        guard let title = document.string("title") else {
            report.skip(file, "has no title")
            return nil
        }
        var language = defaultLanguage(for: collection)
        if let lang = document.string("lang") {
            if let parsed = Language(rawValue: lang.lowercased()) {
                language = parsed
            } else {
                report.warn(file, "language '\(lang)' is neither sv nor en; \(language.rawValue) was used")
            }
        }
        let slug = Self.slug(of: file)
        if !Slug.isValid(slug) { report.warn(file, "file name '\(slug)' is not a clean address; kept as it is") }
        return ImportedCommon(
            file: file,
            slug: slug,
            language: language,
            translationKey: document.string("ref"),
            title: title,
            excerpt: document.string("excerpt") ?? "",
            ingress: document.string("ingress-text") ?? "",
            body: document.body,
            image: document.string("image"),
            oldPaths: document.string("permalink").map { [$0] } ?? []
        )
    }

    // MARK: Collections

    mutating func readEvent(_ file: String) -> ImportedEvent? {
        guard let document = load(file),
            var common = common(document, file: file, collection: "events", known: Self.knownEventFields)
        else { return nil }
        guard let dateText = document.string("event-date") else {
            report.skip(file, "has no event-date")
            return nil
        }
        guard let startsAt = FrontMatterValue.date(dateText, defaultZone: timeZone) else {
            report.skip(file, "event-date '\(dateText)' is not a date")
            return nil
        }
        common.oldPaths.insert("/\(common.slug)/", at: 0)
        let description = document.string("event-date-desc") ?? ""
        let place = PlaceText(document.string("place") ?? "", municipalities: municipalities)
        let recurrence = RecurrenceText(description: description, title: common.title)
        if recurrence.recurrence == .weekly {
            report.warn(
                file,
                "weekly recurrence read from '\(description)'"
                    + (recurrence.hasEnded ? "; the title says it has ended" : ""))
        }
        return ImportedEvent(
            common: common,
            startsAt: startsAt,
            dateDescription: description,
            format: place.format,
            placeName: place.name,
            address: place.address,
            municipalityCode: place.municipalityCode,
            onlineURL: place.onlineURL,
            links: links(document, file: file),
            partners: partners(document),
            groupReference: Self.reference(document.fields["group"]),
            recurrence: recurrence.recurrence,
            recurrenceUntil: recurrence.hasEnded ? startsAt : nil
        )
    }

    mutating func readProject(_ file: String) -> ImportedProject? {
        guard let document = load(file),
            let common = common(document, file: file, collection: "posts", known: Self.knownProjectFields)
        else { return nil }
        var tags: [String] = []
        for tag in document.strings("categories") + document.strings("tags") where !tags.contains(tag) {
            tags.append(tag)
        }
        let published = document.string("date").flatMap { FrontMatterValue.date($0, defaultZone: timeZone) }
        if let date = document.string("date"), published == nil {
            report.warn(file, "date '\(date)' is not a date; left out")
        }
        return ImportedProject(
            common: common,
            links: links(document, file: file),
            contacts: contacts(document),
            chat: document.string("chat"),
            tags: tags,
            publishedAt: published,
            groupReference: Self.reference(document.fields["group"]),
            eventSlugs: document.list("events").compactMap { Self.reference($0["event"]) }
        )
    }

    mutating func readGroup(_ file: String) -> ImportedGroup? {
        guard let document = load(file),
            var common = common(document, file: file, collection: "groups", known: Self.knownGroupFields)
        else { return nil }
        common.oldPaths.insert("/\(common.slug)/", at: 0)
        return ImportedGroup(common: common, contacts: contacts(document), partners: partners(document))
    }

    // MARK: Parts

    private mutating func links(_ document: FrontMatterDocument, file: String) -> [ContentLink] {
        document.list("links").compactMap { entry in
            let title = FrontMatterValue.string(entry["title"]) ?? ""
            guard var url = FrontMatterValue.string(entry["url"]) else {
                if !title.isEmpty { report.warn(file, "link '\(title)' has no address; left out") }
                return nil
            }
            // Old sites often wrote "www.example.org", which browsers read as a relative path.
            if url.lowercased().hasPrefix("www.") {
                report.warn(file, "link '\(title)' had no https://; it was added")
                url = "https://" + url
            }
            if SafeURL.href(url) == nil {
                report.warn(file, "link '\(title)' has an unsafe address; it shows as text only")
            }
            return ContentLink(title: title, url: url)
        }
    }

    private func contacts(_ document: FrontMatterDocument) -> [ContactPerson] {
        document.list("contact").compactMap { entry in
            let name = FrontMatterValue.string(entry["name"]) ?? ""
            let email = FrontMatterValue.string(entry["mail"]) ?? ""
            let organisation = FrontMatterValue.string(entry["organisation"]) ?? ""
            guard !(name.isEmpty && email.isEmpty && organisation.isEmpty) else { return nil }
            return ContactPerson(
                name: name, role: FrontMatterValue.string(entry["text"]) ?? "", email: email,
                organisation: organisation, organisationURL: FrontMatterValue.string(entry["organisation-link"]) ?? "",
                image: FrontMatterValue.string(entry["image"]) ?? ""
            )
        }
    }

    private func partners(_ document: FrontMatterDocument) -> [Partner] {
        document.list("partners").compactMap { entry in
            guard let title = FrontMatterValue.string(entry["title"]) else { return nil }
            return Partner(
                title: title, url: FrontMatterValue.string(entry["link"]) ?? "",
                logo: FrontMatterValue.string(entry["logo"]) ?? "")
        }
    }
}
