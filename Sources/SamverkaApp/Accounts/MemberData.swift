import Foundation

/// Everything Samverka holds about one member, as they download it from their account page
/// (the right of access in the GDPR, article 15): their profile, then one part for each holder
/// in `app.personalData`, under the holder's section key. Keys are stable; dates are ISO 8601.
struct MemberData: Encodable {
    struct Profile: Encodable {
        let name: String
        let email: String
        let role: String
        let language: String
        let createdAt: Date?
        let notifyByMail: Bool
        let notifySignUps: Bool
    }

    let exportedAt: Date
    let site: String
    let member: Profile
    let sections: [(key: String, value: any Encodable & Sendable)]

    static func gather(for member: Member, site: String, context: PersonalDataContext) async throws -> MemberData {
        let memberID = try member.requireID()
        var sections: [(key: String, value: any Encodable & Sendable)] = []
        for holder in context.app.personalData.holders {
            sections.append((holder.section, try await holder.export(memberID, context)))
        }
        return MemberData(
            exportedAt: context.now, site: site,
            member: Profile(
                name: member.name, email: member.email, role: member.role.rawValue, language: member.language,
                createdAt: member.createdAt,
                notifyByMail: member.notifyByMail, notifySignUps: member.notifySignUps),
            sections: sections
        )
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(exportedAt, forKey: Key("exportedAt"))
        try container.encode(site, forKey: Key("site"))
        try container.encode(member, forKey: Key("member"))
        for section in sections {
            try container.encode(section.value, forKey: Key(section.key))
        }
    }
}
