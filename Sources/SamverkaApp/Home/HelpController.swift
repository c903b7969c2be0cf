import Fluent
import Vapor

/// The guide for organisers (`Pages/help-LANG`): how to take part in a programme week, with the
/// timeline and rules of each edition still running.
struct HelpController: Sendable {
    @Sendable func show(request: Request) async throws -> Response {
        let title = request.t("help.title")
        return try await request.render(
            "Pages/help-\(request.language.rawValue)",
            HelpPage(
                layout: request.layout(title: title, section: .none, description: request.t("help.description")),
                contactEmail: request.application.settings.contactEmail,
                programmes: try await RunningProgramme.all(request)
            ))
    }
}

/// A programme edition whose week has not ended, as the home and help pages present it.
struct RunningProgramme: Encodable {
    let slug: String
    let name: String
    let href: String
    let facts: ProgrammeFacts
    /// Where to submit, while submission is open.
    let submitHref: String?

    static func all(_ request: Request) async throws -> [RunningProgramme] {
        let calendar = request.application.calendar
        let now = request.now
        return try await Programme.running(at: now, calendar: calendar, on: request.db).map { programme in
            RunningProgramme(
                slug: programme.slug, name: programme.name,
                href: SiteURL.programmes(.show(.value(programme.slug))).path,
                facts: ProgrammeFacts(programme, request: request),
                submitHref: programme.acceptsSubmissions(at: now, calendar: calendar)
                    ? SiteURL.programmes(.newActivity(.value(programme.slug))).path : nil
            )
        }
    }
}
