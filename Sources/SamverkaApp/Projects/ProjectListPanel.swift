import Fluent
import Vapor

/// The projects of a local group, and those that took part in an event, on its page. Projects
/// attaches them (a project names its group and its events), so Events and LocalGroups need
/// not know projects.
struct ProjectListPanelProvider: PagePanelProvider {
    struct Context: Encodable {
        let heading: String
        let projects: [LinkView]
    }

    func panel(for item: any AttachableItem, request: Request) async throws -> PagePanel? {
        let heading: String
        let projects: [Project]
        switch item {
        case let event as Event:
            heading = request.t("event.projects")
            projects = try await Project.query(on: request.db)
                .join(ProjectEvent.self, on: \ProjectEvent.$project.$id == \Project.$id)
                .filter(ProjectEvent.self, \.$event.$id == event.requireID())
                .all()
        case let group as LocalGroup:
            heading = request.t("nav.projects")
            let ids = try await group.idsWithTranslation(on: request.db)
            let all = try await Project.query(on: request.db).filter(\.$localGroup.$id ~~ ids).sort(\.$title).all()
            projects = LanguagePreference.preferred(all, language: request.language)
        default:
            return nil
        }
        guard !projects.isEmpty else { return nil }
        let links = projects.map { LinkView(title: $0.title, href: $0.showURL.path) }
        return try await request.panel(
            "projects", placement: .related, template: "Projects/panel-projects",
            Context(heading: heading, projects: links))
    }
}
