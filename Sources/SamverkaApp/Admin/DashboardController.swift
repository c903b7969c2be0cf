import Fluent
import Vapor

/// The staff's front page: what waits for whom. Activities waiting for review in each edition
/// still running, organisations whose join requests wait for their owners, organisations not yet
/// verified, and (for admins) mail that could not be delivered; each with the way to act on it.
struct DashboardController: Sendable {
    static let listed = 10

    @Sendable func show(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let isAdmin = member.role == .admin
        let now = request.now
        let dates = request.dates
        let heading = request.t("admin.dashboard_title")
        let response = try await request.render(
            "Admin/dashboard",
            DashboardPage(
                layout: request.layout(title: heading, section: .none), heading: heading,
                queues: try await queues(request, now: now),
                joinRequests: request.t(
                    "admin.join_requests_count",
                    count: try await OrganisationMembership.query(on: request.db).filter(\.$status == .requested)
                        .count()),
                requests: try await waitingRequests(request, dates: dates),
                unverifiedCount: request.t(
                    "admin.unverified_count",
                    count: try await Organisation.query(on: request.db).filter(\.$verifiedAt == nil).count()),
                unverified: try await Organisation.query(on: request.db).filter(\.$verifiedAt == nil).sort(
                    \.$createdAt, .descending
                )
                .limit(Self.listed).all().map { organisation in
                    DashboardPage.Item(
                        title: organisation.name, href: SiteURL.organisations(.show(.value(organisation.slug))).path,
                        detail: [
                            request.t("sector.\(organisation.sector.rawValue)"),
                            organisation.createdAt.map(dates.date) ?? "",
                        ]
                        .filter { !$0.isEmpty }.joined(separator: " · "))
                },
                outbox: isAdmin ? try await outboxLine(request) : nil,
                outboxHref: isAdmin ? SiteURL.outbox.path : nil,
                membersHref: isAdmin ? SiteURL.adminMembers.path : nil
            ))
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    /// Editions whose week has not ended, with what waits in each review queue.
    private func queues(_ request: Request, now: Date) async throws -> [DashboardPage.Queue] {
        var queues: [DashboardPage.Queue] = []
        for programme in try await Programme.running(at: now, calendar: request.application.calendar, on: request.db) {
            let waiting = try await Activity.query(on: request.db).filter(\.$programme.$id == programme.requireID())
                .waitingForReview().sort(\.$submittedAt).all()
            let oldest = waiting.first?.submittedAt.map { Int(now.timeIntervalSince($0) / 86_400) }
            queues.append(
                DashboardPage.Queue(
                    name: programme.name, href: SiteURL.programmes(.review(.value(programme.slug))).path,
                    waiting: request.t("admin.review_waiting", count: waiting.count),
                    oldest: oldest.map { request.t("admin.review_oldest", ["days": "\($0)"]) }
                ))
        }
        return queues
    }

    private func waitingRequests(_ request: Request, dates: DateText) async throws -> [DashboardPage.Item] {
        let memberships = try await OrganisationMembership.query(on: request.db).filter(\.$status == .requested)
            .with(\.$organisation).with(\.$member).sort(\.$createdAt).limit(Self.listed).all()
        return memberships.map { membership in
            DashboardPage.Item(
                title: membership.organisation.name,
                href: SiteURL.organisations(.members(.value(membership.organisation.slug))).path,
                detail: request.t(
                    "admin.join_request_from",
                    ["name": membership.member.name, "date": membership.createdAt.map(dates.date) ?? ""]))
        }
    }

    private func outboxLine(_ request: Request) async throws -> String {
        let failed = try await OutgoingMail.query(on: request.db).filter(\.$failedAt != nil).count()
        let retrying = try await OutgoingMail.query(on: request.db).filter(\.$sentAt == nil).filter(\.$failedAt == nil)
            .filter(\.$attempts > 0).count()
        return request.t("admin.outbox_failed", count: failed) + " "
            + request.t("admin.outbox_retrying", count: retrying)
    }
}
