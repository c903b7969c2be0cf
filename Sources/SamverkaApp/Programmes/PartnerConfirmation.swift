import Fluent
import Vapor

/// Asking another organisation to take part in an activity, and its answer. The activity is
/// saved as a draft while partners are asked, their people are told by mail, and an admin may
/// answer for an organisation that has nobody on Samverka yet.
enum PartnerConfirmation {
    /// The unconfirmed partners `access` may confirm: its own organisations', and for an admin
    /// those of organisations without any active member.
    static func confirmable(_ partners: [ActivityPartner], access: ActivityAccess, on database: any Database) async throws -> [ActivityPartner] {
        var result: [ActivityPartner] = []
        for partner in partners where partner.confirmedAt == nil {
            if access.organisationIDs.contains(partner.$organisation.id) {
                result.append(partner)
            } else if access.member?.role == .admin,
                      try await OrganisationMembership.query(on: database).filter(\.$organisation.$id == partner.$organisation.id)
                          .filter(\.$status == .active).count() == 0 {
                result.append(partner)
            }
        }
        return result
    }

    /// Mails the people of each newly asked organisation, in their own language, with the
    /// activity's address where they confirm.
    static func ask(_ partners: [Organisation], for activity: Activity, programme: Programme, by organisation: Organisation,
                    app: Application, now: Date, on database: any Database) async throws {
        let page = app.settings.publicURL
            + SiteURL.programmes(.activity(.value(programme.slug), .value(try activity.requireID().uuidString))).path
        for partner in partners {
            let people = try await OrganisationMembership.query(on: database).filter(\.$organisation.$id == partner.requireID())
                .filter(\.$status == .active).with(\.$member).all().map(\.member)
            for person in people {
                let language = Language(rawValue: person.language) ?? .sv
                let values = ["name": person.name, "partner": partner.name, "organisation": organisation.name, "title": activity.title,
                              "programme": programme.name, "link": page + "?lang=" + language.rawValue, "site": app.settings.siteName]
                let message = MailMessage(writing: "mail.activity.partner_asked", values: values, language: language, catalogue: app.catalogue,
                                          to: person.email, toName: person.name)
                try await OutgoingMail(kind: "activity.partner_asked", message: message, sendAfter: now, memberID: person.id).save(on: database)
            }
        }
    }
}
