import Fluent
import Vapor

/// Content that has a slug, a language and possibly a translation partner in the other
/// language: events, projects and local groups.
protocol TranslatableContent: Model where IDValue == UUID {
    var slug: String { get set }
    var language: Language { get set }
    var translationKey: String? { get set }
    var title: String { get set }

    /// Where this kind of content lives: `/events`, `/projects`, `/groups`.
    static func url(_ route: ContentRoute) -> SiteURL
}

extension TranslatableContent {
    /// The item at this slug; one taken off the site (an unpublished event) only when asked,
    /// as the slug check must, since the slug stays its own.
    static func find(slug: String, includingUnpublished: Bool = false, on database: any Database) async throws -> Self?
    {
        let query = query(on: database).filter("slug", .equal, slug)
        if includingUnpublished { query.withDeleted() }
        return try await query.first()
    }

    /// The same content in the other language, found through the shared translation key.
    func translation(on database: any Database) async throws -> Self? {
        guard let key = translationKey, !key.isEmpty else { return nil }
        return try await Self.query(on: database)
            .filter("translation_key", .equal, key)
            .filter("language", .equal, language.other)
            .filter("id", .notEqual, id)
            .first()
    }

    /// The item the route's `:slug` names, or 404.
    static func find(slugIn request: Request) async throws -> Self {
        guard let slug = request.parameters.get("slug"), let item = try await find(slug: slug, on: request.db) else {
            throw Abort(.notFound)
        }
        return item
    }

    var showURL: SiteURL { Self.url(.show(.value(slug))) }

    /// The page in its own language: the target of a language switch or `hreflang` link.
    var translationTarget: (language: Language, path: String) { (language, showURL.path) }

    /// "Read in English" / "Läs på svenska", linking to this item as a translation.
    func translationLink(_ request: Request) -> LinkView {
        LinkView(
            title: request.t("translation.read_in_\(language.rawValue)"),
            href: showURL.path + "?lang=" + language.rawValue)
    }
}
