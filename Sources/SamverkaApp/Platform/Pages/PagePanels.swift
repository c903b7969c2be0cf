import Vapor

/// An item with its own public page (an event, a programme activity, a project, a local group,
/// an organisation, a programme edition) that other capabilities can attach to: sign-up today,
/// discussion and matchmaking next. The page asks `request.panels(for:)` and shows whatever
/// comes back, so a capability that attaches to every item page registers a `PagePanelProvider`
/// and touches no other capability's files.
protocol AttachableItem: Sendable {
    /// What an attached capability stores beside `attachmentID` to find the item again
    /// ("event", "activity", …). Stored in other tables, so never changed once shipped.
    static var attachmentKind: String { get }
    var attachmentID: UUID? { get }
}

/// One capability's box on another's show page, rendered with its own template.
struct PagePanel: Encodable, Sendable {
    /// Where on the page it goes.
    enum Placement: String, Encodable, Sendable {
        /// Near the top, beside the item's key facts: what a reader acts on (signing up).
        case lead
        /// After the item's own text: what relates to it (its events, its projects, a discussion).
        case related
    }

    /// Which capability it comes from, so a page or a test can tell the panels apart.
    let name: String
    let placement: Placement
    let html: String
}

/// A page's panels by where they go; each show page's template has a slot for both.
struct PagePanels: Encodable, Sendable {
    var lead: [PagePanel] = []
    var related: [PagePanel] = []

    /// For a page that shows nothing attached (an unpublished event).
    static let none = PagePanels()
}

/// What a capability puts on other capabilities' show pages.
protocol PagePanelProvider: Sendable {
    /// Nil when it has nothing for this item and this reader.
    /// A panel drawn from the database needs nothing more to stay fresh on a cached page: the
    /// page's key follows every table public pages read (`ContentVersions`).
    func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel?
}

/// The providers, in the order their panels appear on a page.
struct PagePanelRegistry: Sendable {
    private(set) var providers: [any PagePanelProvider] = []

    mutating func register(_ provider: any PagePanelProvider) {
        providers.append(provider)
    }
}

extension Application {
    private struct PagePanelsKey: StorageKey {
        typealias Value = PagePanelRegistry
    }

    var pagePanels: PagePanelRegistry {
        get { storage[PagePanelsKey.self] ?? PagePanelRegistry() }
        set { storage[PagePanelsKey.self] = newValue }
    }
}

extension Request {
    /// The panels the registered capabilities have for `item`, for this reader, in the order
    /// the providers were registered.
    func panels(for item: any AttachableItem) async throws -> PagePanels {
        var panels = PagePanels()
        for provider in application.pagePanels.providers {
            guard let panel = try await provider.panel(for: item, request: self) else { continue }
            switch panel.placement {
            case .lead: panels.lead.append(panel)
            case .related: panels.related.append(panel)
            }
        }
        return panels
    }

    /// A panel drawn by `template` with `context`, as HTML for the page that shows it.
    func panel(
        _ name: String, placement: PagePanel.Placement, template: String, _ context: some Encodable
    ) async throws -> PagePanel {
        let view = try await self.view.render(template, context)
        return PagePanel(name: name, placement: placement, html: String(buffer: view.data))
    }
}
