import Fluent
import Leaf
import Vapor

/// The composition root: database, middleware in order, sessions and cookie policy, views,
/// commands and routes. Read top to bottom, it is the whole wiring of the application.
public func configure(_ app: Application, settings: AppSettings) async throws {
    app.settings = settings
    let resources = app.directory.resourcesDirectory
    app.catalogue = try Catalogue.load(from: resources)
    app.municipalities = try Municipalities.load(from: resources)
    app.regionMap = try RegionMap.load(from: resources)
    app.registrationGate = SerialGate()
    app.organisationGate = SerialGate()
    app.signUpQueue = SignUpQueue()
    app.metrics = SiteMetrics()
    app.metrics.readOutbox()
    app.metrics.reading("signup_queue_depth", help: "Sign-ups waiting for their batch, over every event") { app in
        Double(app.signUpQueue.waitingCount)
    }
    app.rateLimiter = RateLimiter(perMinute: settings.rateLimitPerMinute)

    try DatabaseSetup.use(settings.database, on: app)
    try await DatabaseSetup.tune(settings.database, on: app)
    app.migrations.add(Migrations.all)
    app.databases.middleware.use(CalendarSequenceMiddleware<Event>())
    app.databases.middleware.use(CalendarSequenceMiddleware<Activity>())
    app.databases.middleware.use(PublishedWritesMiddleware(versions: app.contentVersions))
    _ = app.publicPages

    // What each capability keeps about a member, for their data download and the deletion of
    // their account, which runs them in this order.
    app.personalData.register(OrganisationPersonalData())
    app.personalData.register(RegistrationPersonalData())
    app.personalData.register(ActivityLogPersonalData())
    app.personalData.register(StarredActivityPersonalData())
    app.personalData.register(LocalGroupPersonalData())
    app.personalData.register(NotificationPersonalData())
    app.personalData.register(OutgoingMailPersonalData())
    // What capabilities show on the pages of items they attach to (events, activities, projects,
    // groups, organisations, programmes), in order.
    app.pagePanels.register(RegistrationPanelProvider())
    app.pagePanels.register(OrganisationActivitiesPanelProvider())
    app.pagePanels.register(EventListPanelProvider())
    app.pagePanels.register(ProjectListPanelProvider())
    // Who keeps something of their own in step with another capability's saved items.
    app.whenSaved(ProgrammeActivity.self) { item, database in
        try await ActivitySignUp.keepInStep(item.activity, programme: item.programme, on: database)
    }
    // Organisers' names and badges are in every edition's programme index.
    app.whenSaved(Organisation.self) { _, database in try await ProgrammeQueries.organisationsChanged(on: database) }

    app.passwords.use(.bcrypt(cost: settings.passwordCost))
    app.passwordWork = PasswordWork()

    app.views.use(.leaf)
    app.leaf.tags["t"] = TranslateTag()
    app.leaf.cache.isEnabled = app.environment.isRelease

    // Sessions live in the database, so any number of app instances can share them.
    app.sessions.use { _ in SessionStore() }
    app.sessions.configuration.cookieName = "samverka_session"
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string,
            maxAge: 60 * 60 * 24 * 30,
            path: "/",
            isSecure: settings.secureCookies,
            isHTTPOnly: true,
            sameSite: .lax
        )
    }

    // Order matters: the outermost middleware comes first. Security headers wrap everything,
    // error pages included; static files skip sessions; language is known before CSRF can
    // refuse, so the refusal is in the reader's language; a visitor's public page is answered
    // from memory as soon as the language is known.
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(APIHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(ReadOnlyAPIMiddleware())
    app.middleware.use(PublicFilesMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(Member.sessionAuthenticator())
    app.signedIn = Member.signedIn
    app.middleware.use(SignInSessionPolicy())
    app.middleware.use(TwoFactorRequirement())
    app.middleware.use(UnreadNotificationsMiddleware())
    app.middleware.use(PrivateResponsesMiddleware())
    app.middleware.use(LanguageMiddleware())
    app.middleware.use(PublicPageCacheMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(ForgetAfterWritesMiddleware())

    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(MailCommand(), as: "mail")
    app.asyncCommands.use(RemindCommand(), as: "remind")
    app.asyncCommands.use(PurgeCommand(), as: "purge")

    // Ordinary forms, long Markdown texts included, stay well below this; upload routes set
    // their own limit in the route table.
    app.routes.defaultMaxBodySize = "256kb"
    try routes(app)

    // Every command but `migrate` itself works on a fresh, empty database.
    if CommandLine.arguments.dropFirst().first != "migrate" {
        try await app.autoMigrate()
    }
}
