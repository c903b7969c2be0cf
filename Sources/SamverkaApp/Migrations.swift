import Fluent
import Vapor

/// The migration changelog, numbered, oldest first. Each capability writes its migrations in
/// its own folder; this list only orders them. Shipped entries are history:
///
/// - never edit, rename or reorder one (Fluent knows a migration by its type's name, so a
///   renamed type runs again); add a new one at the end instead. `MigrationHistoryTests` holds
///   the shipped names and fails when one changes.
/// - a migration never calls live application code (a model, a query, a rule of today): it
///   names its tables and columns and copies the rule of its day, so changing the application
///   later cannot silently rewrite what an old migration did.
enum Migrations {
    static let all: [any Migration] = [
        /* 01 */ SessionRecord.migration,
        /* 02 */ CreateMember(),
        /* 03 */ CreateLocalGroup(),
        /* 04 */ CreateEvent(),
        /* 05 */ CreateProject(),
        /* 06 */ CreateProjectEvent(),
        /* 07 */ CreateLegacyRedirect(),
        /* 08 */ CreateOrganisation(),
        /* 09 */ CreateOrganisationMembership(),
        /* 10 */ CreateEventOrganisation(),
        /* 11 */ CreateProgramme(),
        /* 12 */ CreateActivity(),
        /* 13 */ CreateActivitySearchIndex(),
        /* 14 */ CreateOutgoingMail(),
        /* 15 */ CreateRegistration(),
        /* 16 */ AddCalendarFields(),
        /* 17 */ AddEventImportUID(),
        /* 18 */ AddAccountStateToMember(),
        /* 19 */ CreateAccountToken(),
        /* 20 */ AddOwnerToOutgoingMail(),
        /* 21 */ AddSuspensionToMember(),
        /* 22 */ CreateMemberAdminLog(),
        /* 23 */ AddTwoFactorToMember(),
        /* 24 */ AddProgrammeIndexToActivities(),
        /* 25 */ CreateNetworkSetting(),
        /* 26 */ CreateMemberNotification(),
        /* 27 */ AddNotificationChoicesToMember(),
        /* 28 */ AddSlugToActivities(),
        /* 29 */ FoldActivitySearchText(),
        /* 30 */ CreateStarredActivity(),
        /* 31 */ CreateLocalGroupOrganiser(),
        /* 32 */ AddPublicationToEvents(),
        /* 33 */ CreateContentVersions(),
    ]
}
