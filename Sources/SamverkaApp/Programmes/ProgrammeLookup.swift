import Fluent
import Vapor

/// The one way from an address to a programme edition or one of its activities, and the one
/// rule for who sees an edition's activities before its release. Pages, feeds, downloads,
/// embeds, the API and other capabilities (registration) start here; their controllers only
/// shape what they get for HTTP.
enum ProgrammeLookup {
    /// The edition the address names (`{slug}`), or 404.
    static func edition(_ request: Request) async throws -> Programme {
        guard let slug = request.parameters.get("slug"),
            let programme = try await Programme.find(slug: slug, on: request.db)
        else {
            throw Abort(.notFound)
        }
        return programme
    }

    /// The activity the address names (`{activity}`) in that edition, by its slug or by its id
    /// (as addresses before slugs had it), or 404. Whether the reader may see it is
    /// `ActivityAccess`'s to say.
    static func activity(_ request: Request) async throws -> (Programme, Activity) {
        let programme = try await edition(request)
        guard let key = request.parameters.get("activity"), key.count <= Slug.maximumLength else {
            throw Abort(.notFound)
        }
        let query = Activity.query(on: request.db).filter(\.$programme.$id == (try programme.requireID()))
        if let id = UUID(uuidString: key) { query.filter(\.$id == id) } else { query.filter(\.$slug == key) }
        guard let activity = try await query.first() else { throw Abort(.notFound) }
        return (programme, activity)
    }

    /// Whether this reader sees the edition's activities: everyone once the edition is public,
    /// reviewers (moderators and admins) before, so they can prepare the release.
    static func showsActivities(_ programme: Programme, to request: Request) -> Bool {
        programme.isPublic(at: request.now) || (request.auth.get(Member.self)?.role.canEditContent ?? false)
    }

    /// Whether an activity is in the public programme: approved, in an edition that is public.
    static func isListed(_ activity: Activity, in programme: Programme, at now: Date) -> Bool {
        activity.status == .approved && programme.isPublic(at: now)
    }

    /// The edition the address names with the reader's filters applied: what the programme
    /// page, its feeds, its download and its embed show.
    static func selection(_ request: Request) async throws -> (Programme, ProgrammeFilter, ProgrammeSelection) {
        let programme = try await edition(request)
        let filter = ProgrammeFilter(request: request)
        return (programme, filter, try await ProgrammeSelection.make(programme, filter: filter, request: request))
    }
}
