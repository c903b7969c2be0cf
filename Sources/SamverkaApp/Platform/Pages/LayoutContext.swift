import Vapor

/// What the layout template needs on every page: language, strings, navigation, the signed-in
/// member and the `hreflang` alternates of the page's content.
struct LayoutContext: Encodable {
    struct NavItem: Encodable {
        let label: String
        let href: String
        let current: Bool
    }

    struct Alternate: Encodable {
        let hreflang: String
        let href: String
    }

    struct SignedInMember: Encodable {
        let name: String
        let canEdit: Bool
        /// Staff get a link to the administration's dashboard in the header.
        let adminHref: String?
        /// The bell: how many notifications wait unread, said in words for screen readers.
        let unread: Int
        let notificationsLabel: String
    }

    let lang: String
    let siteName: String
    let title: String
    let description: String
    let nav: [NavItem]
    let member: SignedInMember?
    let csrf: String?
    let switchLanguageHref: String
    let switchLanguageLabel: String
    let switchLanguageLang: String
    let alternates: [Alternate]
    let flash: String?
    /// About the site, the organisers' guide, open data, the accessibility statement, the
    /// privacy notice and how to reach the site's people.
    let footer: [NavItem]
    /// Feeds of the page's content, announced in the head and offered under the heading.
    var feeds: [Feed] = []
    /// schema.org JSON-LD describing the page, already safe inside a script element.
    var structuredData: String?
    /// The iframe code for other sites to show this list, offered under the feeds.
    var embedCode: String?

    /// A feed or download of the page's list, with the page's filters (`query`) kept.
    struct Feed: Encodable {
        let type: String
        let label: String
        let href: String
    }

    /// The same layout with the page's feeds and description for machines.
    func with(feeds: [Feed] = [], structuredData: String? = nil, embedCode: String? = nil) -> LayoutContext {
        var layout = self
        layout.feeds = feeds
        layout.structuredData = structuredData
        layout.embedCode = embedCode
        return layout
    }
}

/// The part of the site a page belongs to, for the navigation's `aria-current`.
enum Section: String, Sendable {
    case home, events, programmes, projects, groups, organisations, account, none
}

extension Request {
    /// The layout for a page. `translation` is the same content in the other language, if any:
    /// the language switcher then leads to it, and it is announced as an `hreflang` alternate.
    func layout(
        title: String,
        section: Section,
        description: String = "",
        translation: (language: Language, path: String)? = nil
    ) -> LayoutContext {
        let member = signedIn
        let other = language.other
        let switchPath = translation?.path ?? url.path
        var alternates: [LayoutContext.Alternate] = []
        if let translation {
            alternates = [
                .init(hreflang: language.rawValue, href: url.path),
                .init(
                    hreflang: translation.language.rawValue,
                    href: translation.path + "?lang=" + translation.language.rawValue),
            ]
        }
        let navItems: [(String, SiteURL, Section)] = [
            ("nav.home", .home, .home),
            ("nav.events", .events(.index), .events),
            ("nav.programmes", .programmes(.index), .programmes),
            ("nav.projects", .projects(.index), .projects),
            ("nav.groups", .groups(.index), .groups),
            ("nav.organisations", .organisations(.index), .organisations),
        ]
        return LayoutContext(
            lang: language.rawValue,
            siteName: application.settings.siteName,
            title: title,
            description: description,
            nav: navItems.map { .init(label: t($0.0), href: $0.1.path, current: $0.2 == section) },
            member: member.map {
                .init(
                    name: $0.name, canEdit: $0.role.canEditContent,
                    adminHref: $0.role.canEditContent ? SiteURL.admin.path : nil,
                    unread: unreadNotifications, notificationsLabel: t("notifications.bell", count: unreadNotifications)
                )
            },
            // Only members see a form on every page (sign out); visitors get a session, and
            // thereby a cookie, only on pages that have a form of their own.
            csrf: member == nil ? nil : csrfToken,
            switchLanguageHref: switchPath + "?lang=" + other.rawValue,
            switchLanguageLabel: t("language.switch"),
            switchLanguageLang: other.rawValue,
            alternates: alternates,
            flash: takeFlash(),
            footer: [
                .init(label: t("footer.about"), href: SiteURL.about.path, current: url.path == SiteURL.about.path),
                .init(label: t("footer.help"), href: SiteURL.help.path, current: url.path == SiteURL.help.path),
                .init(label: t("footer.open_data"), href: SiteURL.about.path + "#open-data", current: false),
                .init(
                    label: t("footer.accessibility"), href: SiteURL.accessibility.path,
                    current: url.path == SiteURL.accessibility.path),
                .init(
                    label: t("footer.privacy"), href: SiteURL.privacy.path, current: url.path == SiteURL.privacy.path),
                .init(label: t("footer.contact"), href: "mailto:" + application.settings.contactEmail, current: false),
            ]
        )
    }

    /// Renders a page template with its context.
    func render(_ template: String, _ context: some Encodable, status: HTTPStatus = .ok) async throws -> Response {
        let view = try await self.view.render(template, context)
        let response = try await view.encodeResponse(status: status, for: self)
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.rawValue)
        return response
    }
}

extension Request {
    private struct UnreadNotificationsKey: StorageKey { typealias Value = Int }

    /// The signed-in member's unread notifications, for the bell in the header; counted by the
    /// notifications' middleware.
    var unreadNotifications: Int {
        get { storage[UnreadNotificationsKey.self] ?? 0 }
        set { storage[UnreadNotificationsKey.self] = newValue }
    }
}

extension Request {
    /// The feed links a list offers: its calendar and, where there is one, its Atom feed.
    func feeds(calendar: SiteURL?, atom: SiteURL? = nil, query: String = "") -> [LayoutContext.Feed] {
        (calendar.map { [LayoutContext.Feed(type: "text/calendar", label: t("feeds.calendar"), href: $0.path + query)] }
            ?? [])
            + (atom.map {
                [LayoutContext.Feed(type: "application/atom+xml", label: t("feeds.atom"), href: $0.path + query)]
            } ?? [])
    }

    /// The list as a table for spreadsheets.
    func downloads(csv: SiteURL, query: String = "") -> [LayoutContext.Feed] {
        [LayoutContext.Feed(type: "text/csv", label: t("feeds.csv"), href: csv.path + query)]
    }
}
