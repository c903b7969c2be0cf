import Fluent
import Vapor

/// The admins' page of members: find someone, change their role, suspend them with a reason
/// or reinstate them, require two-factor sign-in of staff; every such step goes into a log
/// shown on the same page.
struct MemberAdminController: Sendable {
    static let pageSize = 50
    static let reasonLimit = 500

    @Sendable func list(request: Request) async throws -> Response {
        try await renderList(request, twoFactorErrors: FieldErrors())
    }

    private func renderList(
        _ request: Request, twoFactorErrors: FieldErrors, status: HTTPStatus = .ok
    ) async throws -> Response {
        let query = SearchText.from(request)
        let page = Pagination.requestedPage(request)
        let members = Member.query(on: request.db)
        if !query.isEmpty {
            let pattern = "%" + query.lowercased() + "%"
            members.group(.or) { either in
                either.filter(\.$email, .custom("LIKE"), pattern)
                either.filter(\.$name, .custom("LIKE"), "%" + query + "%")
            }
        }
        let total = try await members.copy().count()
        let shown = try await members.sort(\.$name).range(
            lower: (page - 1) * Self.pageSize, upper: page * Self.pageSize
        ).all()
        let log = try await MemberAdminLog.query(on: request.db).with(\.$admin).sort(\.$createdAt, .descending).limit(
            20
        ).all()
        let dates = request.dates
        let heading = request.t("admin.members_title")
        let base =
            SiteURL.adminMembers.path
            + (query.isEmpty ? "" : "?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        let response = try await request.render(
            "Accounts/admin-members",
            MemberListPage(
                layout: request.layout(title: heading, section: .none), heading: heading, query: query,
                count: request.t("admin.members_count", count: total),
                rows: shown.map { member in
                    MemberListPage.Row(
                        name: member.name, email: member.email,
                        href: SiteURL.adminMember(.value(member.id?.uuidString ?? "")).path,
                        role: request.t("role.\(member.role.rawValue)"), state: Self.state(of: member, request),
                        since: member.createdAt.map { dates.date($0) } ?? "")
                },
                pagination: try Pagination(
                    page: page, total: total, pageSize: Self.pageSize, basePath: base, request: request),
                log: log.map { entry in
                    MemberListPage.LogLine(
                        when: entry.createdAt.map { dates.dateAndTime($0) } ?? "",
                        text: request.t(
                            "admin.log_\(entry.action.rawValue)",
                            [
                                "admin": entry.admin?.name ?? request.t("admin.someone"), "member": entry.memberName,
                                "detail": Self.detailText(entry, request),
                            ]))
                },
                outboxHref: SiteURL.outbox.path,
                twoFactorArea: try await twoFactorArea(request, errors: twoFactorErrors)
            ), status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func show(request: Request) async throws -> Response {
        try await render(request, member: try await Self.find(request), errors: FieldErrors())
    }

    @Sendable func changeRole(request: Request) async throws -> Response {
        let admin = try request.auth.require(Member.self)
        let member = try await Self.find(request)
        guard let role = (try? request.content.get(String.self, at: "role")).flatMap(Role.init(rawValue:)) else {
            var errors = FieldErrors()
            errors.add("role", request.t("error.choose_one"))
            return try await render(request, member: member, errors: errors, status: .unprocessableEntity)
        }
        guard role != member.role else {
            return request.redirect(
                to: SiteURL.adminMember(.value(try member.requireID().uuidString)).path, redirectType: .normal)
        }
        if member.role == .admin, try await Member.query(on: request.db).filter(\.$role == .admin).count() <= 1 {
            var errors = FieldErrors()
            errors.add("role", request.t("error.last_admin_role"))
            return try await render(request, member: member, errors: errors, status: .unprocessableEntity)
        }
        member.role = role
        try await request.db.transaction { database in
            try await member.save(on: database)
            try await MemberAdminLog(admin: admin, member: member, action: .roleChanged, detail: role.rawValue).save(
                on: database)
        }
        request.flash(
            request.t("flash.role_changed", ["name": member.name, "role": request.t("role.\(role.rawValue)")]))
        return request.redirect(
            to: SiteURL.adminMember(.value(try member.requireID().uuidString)).path, redirectType: .normal)
    }

    @Sendable func changeSuspension(request: Request) async throws -> Response {
        let admin = try request.auth.require(Member.self)
        let member = try await Self.find(request)
        let reason = ((try? request.content.get(String.self, at: "reason")) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        let suspending = member.suspendedAt == nil
        if suspending {
            if member.id == admin.id { errors.add("reason", request.t("error.suspend_self")) }
            if reason.isEmpty { errors.add("reason", request.t("error.required")) }
            if reason.count > Self.reasonLimit {
                errors.add("reason", request.t("error.too_long", ["max": "\(Self.reasonLimit)"]))
            }
        }
        guard errors.isEmpty else {
            return try await render(
                request, member: member, errors: errors, status: .unprocessableEntity, reason: reason)
        }
        if suspending {
            member.suspendedAt = request.now
            member.suspensionReason = reason
            member.endAllSessions()
        } else {
            member.suspendedAt = nil
            member.suspensionReason = ""
        }
        try await request.db.transaction { database in
            try await member.save(on: database)
            try await MemberAdminLog(
                admin: admin, member: member, action: suspending ? .suspended : .reinstated, detail: reason
            ).save(on: database)
        }
        request.flash(
            request.t(suspending ? "flash.member_suspended" : "flash.member_reinstated", ["name": member.name]))
        return request.redirect(
            to: SiteURL.adminMember(.value(try member.requireID().uuidString)).path, redirectType: .normal)
    }

    @Sendable func changeTwoFactorPolicy(request: Request) async throws -> Response {
        let admin = try request.auth.require(Member.self)
        guard
            let policy = (try? request.content.get(String.self, at: "twoFactor")).flatMap(
                TwoFactorPolicy.init(rawValue:))
        else {
            var errors = FieldErrors()
            errors.add("twoFactor", request.t("error.choose_one"))
            return try await renderList(request, twoFactorErrors: errors, status: .unprocessableEntity)
        }
        if policy != (try await TwoFactorPolicy.chosen(on: request.db)) {
            try await request.db.transaction { database in
                try await NetworkSetting.set(.twoFactorRequired, to: policy.rawValue, on: database)
                try await MemberAdminLog(admin: admin, member: nil, action: .twoFactorRequired, detail: policy.rawValue)
                    .save(on: database)
            }
        }
        request.flash(
            request.t("flash.two_factor_policy", ["policy": request.t("two_factor.policy_\(policy.rawValue)")]))
        return request.redirect(to: SiteURL.adminMembers.path, redirectType: .normal)
    }

    // MARK: Helpers

    private func twoFactorArea(_ request: Request, errors: FieldErrors) async throws -> MemberFormArea {
        let chosen = try await TwoFactorPolicy.chosen(on: request.db)
        let field = FormField(
            "twoFactor", label: request.t("admin.two_factor_policy"), kind: .select, error: errors["twoFactor"],
            hint: request.t("hint.two_factor_policy"), required: true,
            options: TwoFactorPolicy.allCases.map {
                FormField.Option(
                    value: $0.rawValue, label: request.t("two_factor.policy_\($0.rawValue)"), selected: $0 == chosen)
            })
        return MemberFormArea(
            form: FormContext(
                action: SiteURL.adminTwoFactorPolicy.path, submitLabel: request.t("action.save"),
                csrf: request.csrfToken, fields: [field], errors: errors))
    }

    static func detailText(_ entry: MemberAdminLog, _ request: Request) -> String {
        switch entry.action {
        case .roleChanged: request.t("role.\(entry.detail)")
        case .twoFactorRequired: request.t("two_factor.policy_\(entry.detail)")
        case .suspended, .reinstated: entry.detail
        }
    }

    static func find(_ request: Request) async throws -> Member {
        guard let text = request.parameters.get("member"), let id = UUID(uuidString: text),
            let member = try await Member.find(id, on: request.db)
        else { throw Abort(.notFound) }
        return member
    }

    static func state(of member: Member, _ request: Request) -> String {
        if member.suspendedAt != nil { return request.t("admin.state_suspended") }
        return request.t(member.emailConfirmedAt == nil ? "admin.state_unconfirmed" : "admin.state_active")
    }

    private func render(
        _ request: Request, member: Member, errors: FieldErrors, status: HTTPStatus = .ok, reason: String = ""
    ) async throws -> Response {
        let id = try member.requireID().uuidString
        let roleField = FormField(
            "role", label: request.t("admin.role"), kind: .select, error: errors["role"], required: true,
            options: Role.allCases.map {
                FormField.Option(
                    value: $0.rawValue, label: request.t("role.\($0.rawValue)"), selected: $0 == member.role)
            })
        let suspended = member.suspendedAt != nil
        let reasonFields =
            suspended
            ? []
            : [
                FormField(
                    "reason", label: request.t("admin.suspension_reason"), kind: .textarea, value: reason,
                    error: errors["reason"],
                    hint: request.t("hint.suspension_reason"), required: true, rows: 3)
            ]
        let response = try await request.render(
            "Accounts/admin-member",
            MemberAdminPage(
                layout: request.layout(title: member.name, section: .none), heading: member.name,
                backHref: SiteURL.adminMembers.path, email: member.email, state: Self.state(of: member, request),
                suspension: suspended ? request.t("admin.suspended_because", ["reason": member.suspensionReason]) : nil,
                roleArea: MemberFormArea(
                    form: FormContext(
                        action: SiteURL.adminMemberRole(.value(id)).path, submitLabel: request.t("admin.change_role"),
                        csrf: request.csrfToken, fields: [roleField], errors: errors)),
                suspensionArea: MemberFormArea(
                    form: FormContext(
                        action: SiteURL.adminMemberSuspension(.value(id)).path,
                        submitLabel: request.t(suspended ? "admin.reinstate" : "admin.suspend"),
                        csrf: request.csrfToken, fields: reasonFields, errors: errors))
            ), status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
