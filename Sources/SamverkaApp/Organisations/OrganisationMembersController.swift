import Fluent
import Vapor

/// Who acts for an organisation: asking to join, and an owner's answers.
struct OrganisationMembersController: Sendable {
    @Sendable func join(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        let member = try request.auth.require(Member.self)
        let access = try await OrganisationAccess.of(member, in: organisation, on: request.db)
        if access.canAskToJoin {
            try await request.db.transaction { database in
                try await OrganisationMembership(
                    organisationID: try organisation.requireID(), memberID: try member.requireID(), role: .editor,
                    status: .requested
                )
                .save(on: database)
                try await Notifier(request).tell(
                    try await OrganisationMembership.people(
                        of: organisation.requireID(), ownersOnly: true, on: database), .joinRequested,
                    values: ["actor": member.name, "organisation": organisation.name],
                    link: SiteURL.organisations(.members(.value(organisation.slug))).path, except: member, on: database)
            }
            request.flash(request.t("flash.join_requested", ["name": organisation.name]))
        }
        return request.redirect(to: SiteURL.organisations(.show(.value(organisation.slug))).path, redirectType: .normal)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        let access = try await OrganisationAccess.of(request.auth.get(Member.self), in: organisation, on: request.db)
        try access.requireManageMembers()
        let memberships = try await organisation.$memberships.query(on: request.db).with(\.$member).sort(\.$createdAt)
            .all()
        func row(_ membership: OrganisationMembership) -> OrganisationMembersPage.Row {
            OrganisationMembersPage.Row(
                name: membership.member.name,
                email: membership.member.email,
                role: request.t("organisation_role.\(membership.role.rawValue)"),
                action: SiteURL.organisations(
                    .membership(.value(organisation.slug), .value(membership.id?.uuidString ?? ""))
                ).path,
                isOwner: membership.role == .owner,
                isSelf: membership.$member.id == access.member?.id
            )
        }
        let heading = request.t("organisation.members_title", ["name": organisation.name])
        let page = OrganisationMembersPage(
            layout: request.layout(title: heading, section: .organisations),
            heading: heading,
            backHref: SiteURL.organisations(.show(.value(organisation.slug))).path,
            active: memberships.filter { $0.status == .active }.map(row),
            requests: memberships.filter { $0.status == .requested }.map(row),
            csrf: request.csrfToken
        )
        return try await request.render("Organisations/members", page)
    }

    /// One answer about one membership: `approve`, `decline`, `owner`, `editor` or `remove`.
    @Sendable func change(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        let access = try await OrganisationAccess.of(request.auth.get(Member.self), in: organisation, on: request.db)
        try access.requireManageMembers()
        guard let idText = request.parameters.get("membership"), let id = UUID(uuidString: idText),
            let membership = try await OrganisationMembership.find(id, on: request.db),
            membership.$organisation.id == organisation.id
        else {
            throw Abort(.notFound)
        }
        let back = SiteURL.organisations(.members(.value(organisation.slug))).path
        let action = (try? request.content.get(String.self, at: "action")) ?? ""
        do {
            try await OrganisationOwners.changing(try organisation.requireID(), on: request.application) {
                database, owners in
                // The membership as it is now, not as it was before the lock.
                guard let membership = try await OrganisationMembership.find(id, on: database) else {
                    throw Abort(.notFound)
                }
                let losesAnOwner = membership.status == .active && membership.role == .owner && owners <= 1
                switch action {
                case "approve" where membership.status == .requested:
                    membership.status = .active
                    try await membership.save(on: database)
                    try await tellApplicant(
                        membership, .joinAccepted, organisation: organisation, request: request, on: database)
                case "decline" where membership.status == .requested:
                    try await membership.delete(on: database)
                    try await tellApplicant(
                        membership, .joinDeclined, organisation: organisation, request: request, on: database)
                case "owner" where membership.status == .active:
                    membership.role = .owner
                    try await membership.save(on: database)
                case "editor" where membership.status == .active:
                    guard !losesAnOwner else { throw OrganisationOwners.LastOwner(organisation: organisation.name) }
                    membership.role = .editor
                    try await membership.save(on: database)
                case "remove" where membership.status == .active:
                    guard !losesAnOwner else { throw OrganisationOwners.LastOwner(organisation: organisation.name) }
                    try await membership.delete(on: database)
                default:
                    throw Abort(.badRequest)
                }
            }
        } catch is OrganisationOwners.LastOwner {
            return refuse(request, "error.last_owner", back: back)
        }
        request.flash(request.t("flash.members_saved"))
        return request.redirect(to: back, redirectType: .normal)
    }

    private func tellApplicant(
        _ membership: OrganisationMembership, _ kind: MemberNotification.Kind, organisation: Organisation,
        request: Request, on database: any Database
    ) async throws {
        guard let applicant = try await Member.find(membership.$member.id, on: database) else { return }
        try await Notifier(request).tell(
            [applicant], kind, values: ["organisation": organisation.name],
            link: SiteURL.organisations(.show(.value(organisation.slug))).path, on: database)
    }

    private func refuse(_ request: Request, _ key: String, back: String) -> Response {
        request.flash(request.t(key))
        return request.redirect(to: back, redirectType: .normal)
    }
}
