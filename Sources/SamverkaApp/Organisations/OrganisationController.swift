import Fluent
import Vapor

/// Organisations: the directory, registering one, its page, editing it, and who acts for it.
struct OrganisationController: Sendable {
    // MARK: Directory and page

    /// The directory's filters as the request gives them.
    struct Filter {
        let query: String
        let sector: Sector?

        init(_ request: Request) {
            query = SearchText.from(request)
            sector = (try? request.query.get(String.self, at: "sector")).flatMap(Sector.init(rawValue:))
        }

        /// `?q=…&sector=…`, or nothing.
        var parameters: String {
            var parts: [String] = []
            if !query.isEmpty {
                parts.append("q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
            if let sector { parts.append("sector=" + sector.rawValue) }
            return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
        }

        /// Whether an organisation of this name is selected (the sector is filtered in the query).
        func matches(_ name: String) -> Bool {
            query.isEmpty || OrganisationController.matches(name, query)
        }
    }

    /// The directory's filters and every organisation they select, whole (the CSV file, the API).
    struct Selection {
        let filter: Filter
        let organisations: [Organisation]

        static func make(_ request: Request) async throws -> Selection {
            let filter = Filter(request)
            let builder = Organisation.query(on: request.db).sort(\.$name)
            if let sector = filter.sector { builder.filter(\.$sector == sector) }
            // The directory holds thousands, not millions: matching names in memory ignores case
            // and accents the same way on both databases.
            return Selection(filter: filter, organisations: try await builder.all().filter { filter.matches($0.name) })
        }
    }

    @Sendable func index(request: Request) async throws -> Response {
        let page = Pagination.requestedPage(request)
        let filter = Filter(request)
        let (shown, total) = try await OrganisationDirectoryPage.make(filter, page: page, on: request.db)
        let (query, sector) = (filter.query, filter.sector)
        let base = SiteURL.organisations(.index).path + filter.parameters
        let heading = request.t("organisation.index_title")
        let context = OrganisationIndexPage(
            layout: request.layout(
                title: heading, section: .organisations, description: request.t("organisation.index_intro")
            )
            .with(feeds: request.downloads(csv: .organisations(.csv), query: filter.parameters)),
            heading: heading,
            intro: request.t("organisation.index_intro"),
            listHeading: request.t("organisation.count", count: total),
            query: query,
            sectorOptions: [
                FormField.Option(value: "", label: request.t("option.all_sectors"), selected: sector == nil)
            ]
                + Sector.allCases.map {
                    FormField.Option(
                        value: $0.rawValue, label: request.t("sector.\($0.rawValue)"), selected: $0 == sector)
                },
            organisations: shown.map { OrganisationCard($0, request: request) },
            pagination: try Pagination(page: page, total: total, basePath: base, request: request),
            newHref: request.auth.get(Member.self) == nil ? nil : SiteURL.organisations(.new).path
        )
        return try await request.render("Organisations/index", context)
    }

    /// `/organisations.csv`: the directory with its filters, for spreadsheets.
    @Sendable func csv(request: Request) async throws -> Response {
        let selection = try await Selection.make(request)
        let municipalities = request.application.municipalities
        let base = request.application.settings.publicURL
        var table = CSVTable(
            columns: [
                "name", "sector", "sector_code", "organisation_number", "municipality", "municipality_code", "region",
                "website", "verified", "url",
            ], request: request)
        for organisation in selection.organisations {
            let municipality = organisation.municipalityCode.flatMap { municipalities[$0] }
            table.append([
                organisation.name, request.t("sector.\(organisation.sector.rawValue)"), organisation.sector.rawValue,
                organisation.organisationNumber ?? "", municipality?.name ?? "", organisation.municipalityCode ?? "",
                municipality?.regionName ?? "",
                organisation.website ?? "", request.t(organisation.isVerified ? "csv.yes" : "csv.no"),
                base + SiteURL.organisations(.show(.value(organisation.slug))).path,
            ])
        }
        return table.response(filename: "organisations")
    }

    static func matches(_ name: String, _ query: String) -> Bool {
        name.range(of: query, options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "sv_SE"))
            != nil
    }

    @Sendable func show(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        let access = try await OrganisationAccess.of(request.auth.get(Member.self), in: organisation, on: request.db)
        let slug = organisation.slug
        let detail = OrganisationShowPage.Detail(
            name: organisation.name,
            sector: request.t("sector.\(organisation.sector.rawValue)"),
            isPublic: organisation.sector.isPublic,
            verified: organisation.isVerified,
            organisationNumber: organisation.organisationNumber,
            municipality: organisation.municipalityCode.flatMap { request.application.municipalities[$0]?.name },
            websiteHref: SafeURL.href(organisation.website),
            website: organisation.website,
            logo: SafeURL.href(organisation.logo),
            descriptionHTML: Markdown.html(organisation.description)
        )
        let context = OrganisationShowPage(
            layout: request.layout(
                title: organisation.name, section: .organisations,
                description: request.t("sector.\(organisation.sector.rawValue)")
            )
            .with(
                feeds: request.feeds(calendar: .organisations(.calendar(.value(organisation.slug)))),
                structuredData: request.structuredData.organisation(organisation)),
            panels: try await request.panels(for: organisation),
            organisation: detail,
            editHref: access.canEdit ? SiteURL.organisations(.edit(.value(slug))).path : nil,
            newEventHref: access.canEdit
                ? SiteURL.events(.new).path + "?organisation="
                    + (slug.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") : nil,
            membersHref: access.canManageMembers ? SiteURL.organisations(.members(.value(slug))).path : nil,
            joinAction: access.canAskToJoin ? SiteURL.organisations(.join(.value(slug))).path : nil,
            requested: access.pendingRequest != nil,
            verifyAction: access.isAdmin ? SiteURL.organisations(.verify(.value(slug))).path : nil,
            verifyLabel: request.t(organisation.isVerified ? "organisation.unverify" : "organisation.verify"),
            verifyValue: organisation.isVerified ? "false" : "true",
            csrf: access.member == nil ? nil : request.csrfToken
        )
        return try await request.render("Organisations/show", context)
    }

    // MARK: Registering and editing

    @Sendable func new(request: Request) async throws -> Response {
        try await renderForm(request, editing: nil, input: OrganisationInput(), errors: FieldErrors())
    }

    @Sendable func create(request: Request) async throws -> Response {
        let member = try request.auth.require(Member.self)
        let organisation = Organisation()
        let input = (try? request.content.decode(OrganisationInput.self)) ?? OrganisationInput()
        var errors = FieldErrors()
        try await input.apply(to: organisation, request: request, errors: &errors)
        ImageUpload.settle(request, errors: &errors)
        guard errors.isEmpty else {
            return try await renderForm(
                request, editing: nil, input: input, errors: errors, status: .unprocessableEntity)
        }
        let memberID = try member.requireID()
        try await request.db.transaction { database in
            try await organisation.save(on: database)
            try await OrganisationMembership(
                organisationID: try organisation.requireID(), memberID: memberID, role: .owner, status: .active
            )
            .save(on: database)
        }
        request.flash(request.t("flash.organisation_registered", ["name": organisation.name]))
        return request.redirect(to: SiteURL.organisations(.show(.value(organisation.slug))).path, redirectType: .normal)
    }

    @Sendable func edit(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        try await OrganisationAccess.of(request.auth.get(Member.self), in: organisation, on: request.db).requireEdit()
        return try await renderForm(
            request, editing: (organisation.slug, organisation.name), input: OrganisationInput(organisation),
            errors: FieldErrors())
    }

    @Sendable func update(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        try await OrganisationAccess.of(request.auth.get(Member.self), in: organisation, on: request.db).requireEdit()
        let original = (slug: organisation.slug, name: organisation.name)
        let vouchedFor = organisation.verifiedFacts
        let input = (try? request.content.decode(OrganisationInput.self)) ?? OrganisationInput()
        var errors = FieldErrors()
        try await input.apply(to: organisation, request: request, errors: &errors)
        ImageUpload.settle(request, errors: &errors)
        guard errors.isEmpty else {
            return try await renderForm(
                request, editing: original, input: input, errors: errors, status: .unprocessableEntity)
        }
        // The badge vouched for a name, number and sector; other ones need an admin's look again.
        let lostBadge =
            organisation.isVerified && organisation.verifiedFacts != vouchedFor
            && request.auth.get(Member.self)?.role != .admin
        if lostBadge { organisation.verifiedAt = nil }
        try await request.db.transaction { database in
            try await organisation.save(on: database)
            try await request.application.saved(organisation, on: database)
        }
        request.flash(
            request.t(lostBadge ? "flash.organisation_needs_verification" : "flash.saved", ["title": organisation.name])
        )
        return request.redirect(to: SiteURL.organisations(.show(.value(organisation.slug))).path, redirectType: .normal)
    }

    private func renderForm(
        _ request: Request, editing: (slug: String, name: String)?, input: OrganisationInput, errors: FieldErrors,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let heading =
            editing.map { request.t("organisation.edit", ["title": $0.name]) } ?? request.t("organisation.new")
        let action =
            editing.map { SiteURL.organisations(.edit(.value($0.slug))).path } ?? SiteURL.organisations(.index).path
        return try await request.renderFormPage(
            heading: heading, section: .organisations,
            form: FormContext(
                action: action, submitLabel: request.t("action.save"), csrf: request.csrfToken,
                fields: input.fields(request, errors: errors), errors: errors), status: status)
    }

    // MARK: Verification

    @Sendable func verify(request: Request) async throws -> Response {
        let organisation = try await Organisation.find(slugIn: request)
        let verified = (try? request.content.get(String.self, at: "verified")) == "true"
        let newlyVerified = verified && !organisation.isVerified
        organisation.verifiedAt = verified ? request.now : nil
        try await request.db.transaction { database in
            try await organisation.save(on: database)
            try await request.application.saved(organisation, on: database)
            guard newlyVerified else { return }
            try await Notifier(request).tell(
                try await OrganisationMembership.people(of: organisation.requireID(), on: database),
                .organisationVerified,
                values: ["organisation": organisation.name],
                link: SiteURL.organisations(.show(.value(organisation.slug))).path,
                except: request.auth.get(Member.self), on: database)
        }
        request.flash(
            request.t(
                verified ? "flash.organisation_verified" : "flash.organisation_unverified", ["name": organisation.name])
        )
        return request.redirect(to: SiteURL.organisations(.show(.value(organisation.slug))).path, redirectType: .normal)
    }
}
