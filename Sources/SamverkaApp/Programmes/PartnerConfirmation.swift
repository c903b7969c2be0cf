import Fluent
import Vapor

/// Asking another organisation to take part in an activity, and its answer. The activity is
/// saved as a draft while partners are asked, their people are notified, and an admin may
/// answer for an organisation that has nobody on Samverka yet.
enum PartnerConfirmation {
    /// The unconfirmed partners `access` may confirm: its own organisations', and for an admin
    /// those of organisations without any active member.
    static func confirmable(
        _ partners: [ActivityPartner], access: ActivityAccess, on database: any Database
    ) async throws -> [ActivityPartner] {
        var result: [ActivityPartner] = []
        for partner in partners where partner.confirmedAt == nil {
            if access.organisationIDs.contains(partner.$organisation.id) {
                result.append(partner)
            } else if access.member?.role == .admin,
                try await OrganisationMembership.query(on: database).filter(
                    \.$organisation.$id == partner.$organisation.id
                )
                .filter(\.$status == .active).count() == 0
            {
                result.append(partner)
            }
        }
        return result
    }

    /// Tells the people of each newly asked organisation, with the activity's page where they
    /// confirm.
    static func ask(
        _ partners: [Organisation], for activity: Activity, programme: Programme, by organisation: Organisation,
        actor: Member, app: Application, now: Date, on database: any Database
    ) async throws {
        let page = SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        for partner in partners {
            try await Notifier(app: app, now: now).tell(
                try await OrganisationMembership.people(of: partner.requireID(), on: database), .partnerAsked,
                values: [
                    "partner": partner.name, "organisation": organisation.name, "title": activity.title,
                    "programme": programme.name,
                ],
                link: page, except: actor, on: database)
        }
    }
}
