import Vapor

/// Every route of Samverka, grouped by who may call it. A route registered any other way
/// fails the route table test.
func routes(_ app: Application) throws {
    let everyone = GuardedRoutes(app, .everyone)
    let members = GuardedRoutes(app, .member)
    let editors = GuardedRoutes(app, .editor)
    let admins = GuardedRoutes(app, .admin)

    // MARK: Public pages
    everyone.get(.home, use: HomeController().show)
    everyone.get(.healthz, use: HealthController().check)
    everyone.get(SiteURL.uploads.pathComponents + [.catchall], use: UploadController().serve)

    let events = EventController()
    everyone.get(.events(.index), use: events.index)
    everyone.get(.events(.show(.key)), use: events.show)
    everyone.get(.events(.indexCSV), use: events.csv)
    everyone.get(.projects(.index), use: DirectoryIndex<Project>().index)
    everyone.get(.projects(.show(.key)), use: ProjectController().show)
    everyone.get(.groups(.index), use: DirectoryIndex<LocalGroup>().index)
    everyone.get(.groups(.show(.key)), use: LocalGroupController().show)

    let programmes = ProgrammeController()
    everyone.get(.programmes(.index), use: programmes.index)
    everyone.get(.programmes(.show(.key)), use: ProgrammeShowController().show)
    let activityPages = ActivityShowController()
    everyone.get(.programmes(.activity(.key, .key)), use: activityPages.show)
    everyone.get(.programmes(.activityCalendar(.key, .key)), use: activityPages.calendar)
    let statistics = StatisticsController()
    everyone.get(.programmes(.statistics(.key)), use: statistics.show)
    everyone.get(.programmes(.csv(.key)), use: statistics.csv)

    let organisations = OrganisationController()
    everyone.get(.organisations(.index), use: organisations.index)
    everyone.get(.organisations(.show(.key)), use: organisations.show)
    everyone.get(.organisations(.csv), use: organisations.csv)

    // MARK: Open data: calendar feeds
    let calendars = CalendarFeedController()
    everyone.get(.events(.indexCalendar), use: calendars.events)
    everyone.get(.events(.calendar(.key)), use: calendars.event)
    everyone.get(.groups(.calendar(.key)), use: calendars.group)
    everyone.get(.organisations(.calendar(.key)), use: calendars.organisation)
    everyone.get(.programmes(.calendar(.key)), use: calendars.programme)
    everyone.get(.memberCalendar(.key), use: calendars.member)
    // MARK: Open data: the JSON API (read only)
    let api = APIController()
    everyone.get(.api(.openAPI), use: api.openAPI)
    everyone.get(.api(.events), use: api.events)
    everyone.get(.api(.event(.key)), use: api.event)
    everyone.get(.api(.programmes), use: api.programmes)
    everyone.get(.api(.programme(.key)), use: api.programme)
    everyone.get(.api(.activities(.key)), use: api.activities)
    everyone.get(.api(.activity(.key, .key)), use: api.activity)
    everyone.get(.api(.statistics(.key)), use: api.statistics)
    everyone.get(.api(.organisations), use: api.organisations)
    everyone.get(.api(.organisation(.key)), use: api.organisation)
    everyone.get(.api(.projects), use: api.projects)
    everyone.get(.api(.project(.key)), use: api.project)
    everyone.get(.api(.groups), use: api.groups)
    everyone.get(.api(.group(.key)), use: api.group)
    let catalog = DataCatalogController()
    everyone.get(.dataCatalog, use: catalog.rdf)
    everyone.get(.dataCatalogTurtle, use: catalog.turtle)
    let embeds = EmbedController()
    everyone.get(.embedEvents, use: embeds.events)
    everyone.get(.embedProgramme(.key), use: embeds.programme)
    let feeds = AtomFeedController()
    everyone.get(.events(.indexFeed), use: feeds.events)
    everyone.get(.projects(.indexFeed), use: feeds.projects)
    everyone.get(.programmes(.feed(.key)), use: feeds.programme)

    // MARK: Accounts
    let accounts = AccountController()
    everyone.get(.signUp, use: accounts.signUpForm)
    everyone.post(.signUp, limit: .accountCreation, use: accounts.signUp)
    everyone.get(.signIn, use: accounts.signInForm)
    everyone.post(.signIn, limit: .signIn, use: accounts.signIn)
    members.post(.signOut, use: accounts.signOut)
    let myAccount = MyAccountController()
    members.get(.account, use: myAccount.show)
    members.get(.accountData, use: myAccount.data)
    members.post(.deleteAccount, use: myAccount.delete)
    members.post(.resetMemberCalendar, use: calendars.resetMemberToken)

    // MARK: Organisations (members; each handler checks the member's part in the organisation)
    let upload = HTTPBodyStreamStrategy.collect(maxSize: ImageUpload.maximumRequestBody)
    members.get(.organisations(.new), use: organisations.new)
    members.post(.organisations(.index), body: upload, use: organisations.create)
    members.get(.organisations(.edit(.key)), use: organisations.edit)
    members.post(.organisations(.edit(.key)), body: upload, use: organisations.update)
    let memberships = OrganisationMembersController()
    members.post(.organisations(.join(.key)), use: memberships.join)
    members.get(.organisations(.members(.key)), use: memberships.list)
    members.post(.organisations(.membership(.key, .key)), use: memberships.change)
    admins.post(.organisations(.verify(.key)), use: organisations.verify)

    // MARK: Submitting activities (members; each handler checks the member's organisations)
    let activities = ActivityController()
    members.get(.programmes(.newActivity(.key)), use: activities.new)
    members.post(.programmes(.activities(.key)), body: upload, use: activities.create)
    members.get(.programmes(.editActivity(.key, .key)), use: activities.edit)
    members.post(.programmes(.editActivity(.key, .key)), body: upload, use: activities.update)
    members.post(.programmes(.confirmPartner(.key, .key)), use: activities.confirm)
    members.get(.myActivities, use: activityPages.mine)

    // MARK: Registration: signing up (anyone; guests confirm by email), the personal link
    let registrations = RegistrationController()
    for subject in [RegistrationSubjectPath.event(.key), .activity(.key, .key)] {
        everyone.get(.registration(subject, .register), use: registrations.form)
        everyone.post(.registration(subject, .register), limit: .registration, use: registrations.register)
        everyone.get(.registration(subject, .sent), use: registrations.sent)
    }
    everyone.get(.personalRegistration(.key), use: registrations.personal)
    everyone.post(.confirmRegistration(.key), limit: .guestConfirmation, use: registrations.confirm)
    everyone.post(.cancelRegistration(.key), use: registrations.cancel)
    members.get(.myRegistrations, use: registrations.mine)

    // MARK: Registration: the organiser's side (members; each handler checks the organiser)
    let attendees = AttendeesController()
    for subject in [RegistrationSubjectPath.event(.key), .activity(.key, .key)] {
        members.get(.registration(subject, .settings), use: attendees.settings)
        members.post(.registration(subject, .settings), use: attendees.saveSettings)
        members.get(.registration(subject, .attendees), use: attendees.list)
        members.get(.registration(subject, .attendeesCSV), use: attendees.csv)
        members.post(.registration(subject, .message), use: attendees.message)
        members.post(.registration(subject, .attendee(.key)), use: attendees.act)
        members.post(.registration(subject, .cancelEvent), use: attendees.cancelEvent)
    }

    // MARK: Reviewing activities (moderators and admins)
    let review = ReviewController()
    editors.get(.programmes(.review(.key)), use: review.queue)
    editors.get(.programmes(.reviewCSV(.key)), use: review.csv)
    editors.post(.programmes(.reviewActivity(.key, .key)), use: review.decide)

    // MARK: Programme editions (admins)
    admins.get(.programmes(.new), use: programmes.new)
    admins.post(.programmes(.index), use: programmes.create)
    admins.get(.programmes(.edit(.key)), use: programmes.edit)
    admins.post(.programmes(.edit(.key)), use: programmes.update)

    // MARK: The mail outbox (admins)
    let outbox = OutboxController()
    admins.get(.outbox, use: outbox.list)
    admins.get(.outboxMessage(.key), use: outbox.show)

    // MARK: Editing content (moderators and admins)
    registerEditor(ContentEditor<Event>(), on: editors)
    registerEditor(ContentEditor<Project>(), on: editors)
    registerEditor(ContentEditor<LocalGroup>(), on: editors)

    // MARK: Old addresses of imported sites, and the 404 page
    everyone.get([.catchall], use: LegacyRedirectController().resolve)
}

private func registerEditor<Item: EditableContent>(_ editor: ContentEditor<Item>, on routes: GuardedRoutes) {
    routes.get(Item.url(.new), use: editor.new)
    // Content forms may carry an image.
    let upload = HTTPBodyStreamStrategy.collect(maxSize: ImageUpload.maximumRequestBody)
    routes.post(Item.url(.index), body: upload, use: editor.create)
    routes.get(Item.url(.edit(.key)), use: editor.edit)
    routes.post(Item.url(.edit(.key)), body: upload, use: editor.update)
    routes.get(Item.url(.delete(.key)), use: editor.confirmDelete)
    routes.post(Item.url(.delete(.key)), use: editor.delete)
}
