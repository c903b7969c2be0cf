import Vapor

/// The accessibility statement (the structure of DIGG's model statement: how accessible the
/// site is, what is not, how to report it, the supervising authority, how it was tested) and
/// the privacy notice (what is stored, why, for how long, the person's rights). They are
/// texts rather than interface strings, so each language has its own template, which an
/// operator adapts to their organisation.
struct StatementController: Sendable {
    @Sendable func accessibility(request: Request) async throws -> Response {
        try await render(request, template: "accessibility", title: "statement.accessibility_title")
    }

    @Sendable func privacy(request: Request) async throws -> Response {
        try await render(request, template: "privacy", title: "statement.privacy_title")
    }

    @Sendable func about(request: Request) async throws -> Response {
        try await render(request, template: "about", title: "statement.about_title")
    }

    private func render(_ request: Request, template: String, title: String) async throws -> Response {
        let settings = request.application.settings
        let reviewed =
            request.dates.parseDay(settings.accessibilityReviewed).map { request.dates.longDate($0) }
            ?? settings.accessibilityReviewed
        let page = StatementPage(
            layout: request.layout(title: request.t(title, ["site": settings.siteName]), section: .none),
            siteName: settings.siteName, operatorName: settings.operatorName, contactEmail: settings.contactEmail,
            reviewed: reviewed, purgeDays: settings.purgeAfterDays, idleHours: Int(settings.sessionIdleTimeout / 3_600),
            publicURL: settings.publicURL
        )
        return try await request.render("Pages/\(template)-\(request.language.rawValue)", page)
    }
}
