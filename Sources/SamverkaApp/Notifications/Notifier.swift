import Fluent
import Vapor

/// Tells members what happened to their work: a notification in their list and, unless they
/// turned mail off, a message through the outbox in their own language. Whoever did the thing
/// is not told about it.
struct Notifier: Sendable {
    let app: Application
    let now: Date

    init(_ request: Request) {
        app = request.application
        now = request.now
    }

    init(app: Application, now: Date) {
        self.app = app
        self.now = now
    }

    /// `values` are the names the kind's text uses; `link` a path on this site.
    func tell(
        _ members: [Member], _ kind: MemberNotification.Kind, values: [String: String], link: String,
        except actor: Member? = nil, on database: any Database
    ) async throws {
        var told: Set<UUID> = []
        for member in members {
            guard let id = member.id, id != actor?.id, member.suspendedAt == nil, told.insert(id).inserted else {
                continue
            }
            try await MemberNotification(memberID: id, kind: kind, values: values, link: link).save(on: database)
            guard member.notifyByMail else { continue }
            let message = mail(kind, values: values, link: link, to: member)
            try await OutgoingMail(
                kind: "notification.\(kind.rawValue)", message: message, sendAfter: now, memberID: id
            ).save(on: database)
        }
    }

    /// The line the list shows, then the reviewer's message if there is one, the link and how
    /// to choose what is mailed.
    private func mail(
        _ kind: MemberNotification.Kind, values: [String: String], link: String, to member: Member
    ) -> MailMessage {
        let language = Language(rawValue: member.language) ?? .sv
        let catalogue = app.catalogue
        let separator = link.contains("?") ? "&" : "?"
        var mailValues = values
        mailValues["name"] = member.name
        mailValues["link"] = app.settings.publicURL + link + separator + "lang=" + language.rawValue
        mailValues["settings"] = app.settings.publicURL + SiteURL.accountProfile.path + "?lang=" + language.rawValue
        mailValues["site"] = app.settings.siteName
        var paragraphs = [
            catalogue.text("mail.notify.greeting", language, mailValues),
            catalogue.text("notification.\(kind.rawValue)", language, values),
        ]
        if let said = values["message"], !said.isEmpty {
            paragraphs.append(catalogue.text("mail.notify.message", language, mailValues))
        }
        paragraphs += [
            catalogue.text("mail.notify.open", language, mailValues),
            catalogue.text("mail.notify.choices", language, mailValues),
            catalogue.signature(language, mailValues),
        ]
        return MailMessage(
            to: member.email, toName: member.name,
            subject: catalogue.text("mail.notify.\(kind.rawValue)", language, values),
            paragraphs: paragraphs, language: language)
    }
}
