import Fluent
import Vapor

/// The migration changelog, oldest first. Shipped entries are history: never edit, rename
/// or reorder one; add a new migration at the end instead.
enum Migrations {
    static let all: [any Migration] = [
        SessionRecord.migration,
        CreateMember(),
        CreateLocalGroup(),
        CreateEvent(),
        CreateProject(),
        CreateProjectEvent(),
        CreateLegacyRedirect(),
        CreateOrganisation(),
        CreateOrganisationMembership(),
        CreateEventOrganisation(),
        CreateProgramme(),
        CreateActivity(),
        CreateActivitySearchIndex(),
        CreateOutgoingMail(),
        CreateRegistration(),
        AddCalendarFields(),
        AddEventImportUID(),
        AddAccountStateToMember(),
        CreateAccountToken(),
        AddOwnerToOutgoingMail(),
        AddSuspensionToMember(),
        CreateMemberAdminLog(),
        AddTwoFactorToMember(),
        AddProgrammeIndexToActivities(),
        CreateNetworkSetting(),
        CreateMemberNotification(),
        AddNotificationChoicesToMember(),
        AddSlugToActivities(),
        FoldActivitySearchText(),
        CreateStarredActivity(),
        CreateLocalGroupOrganiser(),
        AddPublicationToEvents(),
    ]
}
