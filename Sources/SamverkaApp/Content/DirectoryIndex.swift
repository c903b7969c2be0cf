import Fluent
import Vapor

/// Content that is listed alphabetically as cards: projects and local groups.
protocol DirectoryContent: EditableContent {
    static var titleFieldKey: FieldKey { get }
    /// The list's Atom feed, if the kind has one.
    static var indexFeed: SiteURL? { get }
}

extension DirectoryContent {
    static var titleFieldKey: FieldKey { "title" }
    static var indexFeed: SiteURL? { nil }

    var card: CardView {
        CardView(
            title: title, href: showURL.path, excerpt: ContentText.clean(excerpt.isEmpty ? ingress : excerpt),
            image: SafeURL.href(image), lang: nil)
    }
}

/// `/projects` and `/groups`: every item once, in the reader's language where it exists,
/// alphabetically, a page at a time.
struct DirectoryIndexPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String
    /// "59 projekt": the list's own heading, between the page's h1 and the cards' h3.
    let listHeading: String
    let items: [CardView]
    let pagination: Pagination
    let newHref: String?
    let newLabel: String
    let emptyText: String
}

struct DirectoryIndex<Item: DirectoryContent>: Sendable {
    @Sendable func index(request: Request) async throws -> Response {
        let page = Pagination.requestedPage(request)
        let query = Item.query(on: request.db)
        try await LanguagePreference.apply(request.language, to: query, on: request.db)
        let total = try await query.count()
        let items = try await query.copy()
            .sort(Item.titleFieldKey)
            .range(lower: (page - 1) * Pagination.pageSize, upper: page * Pagination.pageSize)
            .all()
        let heading = request.t("\(Item.nounKey).index_title")
        let context = DirectoryIndexPage(
            layout: request.layout(
                title: heading, section: Item.section, description: request.t("\(Item.nounKey).index_intro")
            )
            .with(feeds: Item.indexFeed.map { request.feeds(calendar: nil, atom: $0) } ?? []),
            heading: heading,
            intro: request.t("\(Item.nounKey).index_intro"),
            listHeading: request.t("\(Item.nounKey).count", count: total),
            items: items.map { card(for: $0, request: request) },
            pagination: try Pagination(page: page, total: total, basePath: Item.url(.index).path, request: request),
            newHref: request.canEditContent ? Item.url(.new).path : nil,
            newLabel: request.t("\(Item.nounKey).new"),
            emptyText: request.t("list.empty")
        )
        return try await request.render("Shared/directory", context)
    }

    private func card(for item: Item, request: Request) -> CardView {
        let base = item.card
        return CardView(
            title: base.title, href: base.href, excerpt: base.excerpt, image: base.image,
            lang: item.language == request.language ? nil : item.language.rawValue)
    }
}
