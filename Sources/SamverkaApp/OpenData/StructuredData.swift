import Foundation
import Vapor

extension Request {
    var structuredData: StructuredData {
        StructuredData(
            base: application.settings.publicURL, municipalities: application.municipalities,
            timeZone: application.settings.timeZone)
    }
}

/// schema.org JSON-LD for pages, so search engines and other sites read what the page is
/// about: events and programme activities as `Event`, organisations as `Organization` (or
/// `GovernmentOrganization`), projects as `Project`.
struct StructuredData {
    let base: String
    let municipalities: Municipalities
    let timeZone: TimeZone

    func event(_ event: Event, organisers: [Organisation], siteName: String) -> String {
        let page = base + SiteURL.events(.show(.value(event.slug))).path
        var data = common(
            type: "Event", name: event.title, description: event.excerpt.isEmpty ? event.ingress : event.excerpt,
            url: page)
        data["startDate"] = iso(event.startsAt)
        if let end = event.endsAt { data["endDate"] = iso(end) }
        data["inLanguage"] = event.language.rawValue
        data["eventStatus"] =
            "https://schema.org/"
            + ["scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"][
                event.status.rawValue, default: "EventScheduled"]
        data["eventAttendanceMode"] =
            "https://schema.org/"
            + [
                "physical": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
                "hybrid": "MixedEventAttendanceMode",
            ][event.format.rawValue, default: "OfflineEventAttendanceMode"]
        data["location"] = location(
            physical: event.format != .online, name: event.placeName, address: event.address,
            municipality: event.municipalityCode, online: event.format == .physical ? nil : event.onlineURL ?? page)
        data["organizer"] =
            organisers.isEmpty
            ? [["@type": "Organization", "name": siteName, "url": base + "/"]] : organisers.map(organizer)
        // Samverka sells no tickets: whatever it lists is free to attend.
        data["isAccessibleForFree"] = true
        if let image = SafeURL.href(event.image) { data["image"] = absolute(image) }
        if event.recurrence == .weekly {
            var schedule: [String: Any] = [
                "@type": "Schedule", "repeatFrequency": "P1W", "startDate": iso(event.startsAt),
                "scheduleTimezone": timeZone.identifier,
            ]
            if let until = event.recurrenceUntil { schedule["endDate"] = iso(until) }
            data["eventSchedule"] = schedule
        }
        return Self.script(data)
    }

    func activity(_ activity: Activity, programme: Programme, organisers: [Organisation]) -> String {
        let page = base + SiteURL.programmes(.activity(.value(programme.slug), .value(activity.slug))).path
        var data = common(type: "Event", name: activity.title, description: activity.summary, url: page)
        if let start = activity.startsAt { data["startDate"] = iso(start) }
        if let end = activity.endsAt { data["endDate"] = iso(end) }
        data["eventStatus"] =
            "https://schema.org/" + (activity.status == .rejected ? "EventCancelled" : "EventScheduled")
        data["eventAttendanceMode"] =
            "https://schema.org/"
            + [
                "physical": "OfflineEventAttendanceMode", "digital": "OnlineEventAttendanceMode",
                "hybrid": "MixedEventAttendanceMode",
            ][activity.format.rawValue, default: "OfflineEventAttendanceMode"]
        data["location"] = location(
            physical: activity.format != .digital && !activity.allSweden, name: activity.venue,
            address: activity.address,
            municipality: activity.municipalityCode,
            online: activity.format == .physical ? nil : activity.onlineURL ?? page)
        data["organizer"] = organisers.map(organizer)
        data["isAccessibleForFree"] = true
        data["inLanguage"] = activity.language == "sv-en" ? ["sv", "en"] : [activity.language]
        data["superEvent"] = [
            "@type": "EventSeries", "name": programme.name,
            "url": base + SiteURL.programmes(.show(.value(programme.slug))).path,
        ]
        if let image = SafeURL.href(activity.image) { data["image"] = absolute(image) }
        return Self.script(data)
    }

    func organisation(_ organisation: Organisation) -> String {
        var data = organizer(organisation)
        data["@context"] = "https://schema.org"
        if !organisation.description.isEmpty { data["description"] = organisation.description }
        if let code = organisation.municipalityCode, let municipality = municipalities[code] {
            data["address"] = [
                "@type": "PostalAddress", "addressLocality": municipality.name,
                "addressRegion": municipality.regionName, "addressCountry": "SE",
            ]
        }
        if let website = SafeURL.href(organisation.website) { data["sameAs"] = [website] }
        if let number = organisation.organisationNumber { data["taxID"] = number }
        if let logo = SafeURL.href(organisation.logo) { data["logo"] = absolute(logo) }
        return Self.script(data)
    }

    func project(_ project: Project) -> String {
        var data = common(
            type: "Project", name: project.title,
            description: project.excerpt.isEmpty ? project.ingress : project.excerpt,
            url: base + SiteURL.projects(.show(.value(project.slug))).path)
        // Project is an Organization in schema.org, which has no inLanguage: the language its people work in.
        data["knowsLanguage"] = project.language.rawValue
        if !project.tags.isEmpty { data["keywords"] = project.tags.joined(separator: ", ") }
        if let image = SafeURL.href(project.image) { data["image"] = absolute(image) }
        return Self.script(data)
    }

    // MARK: Parts

    private func common(type: String, name: String, description: String, url: String) -> [String: Any] {
        var data: [String: Any] = ["@context": "https://schema.org", "@type": type, "name": name, "url": url]
        if !description.isEmpty { data["description"] = description }
        return data
    }

    private func organizer(_ organisation: Organisation) -> [String: Any] {
        [
            "@type": organisation.sector.isPublic ? "GovernmentOrganization" : "Organization",
            "name": organisation.name,
            "url": base + SiteURL.organisations(.show(.value(organisation.slug))).path,
        ]
    }

    /// A `Place` with its address, a `VirtualLocation` with the link (the page when the
    /// organiser gave none yet), or both for hybrid.
    private func location(
        physical: Bool, name: String, address: String, municipality code: String?, online: String?
    ) -> Any {
        var locations: [[String: Any]] = []
        if physical {
            var postal: [String: Any] = ["@type": "PostalAddress", "addressCountry": "SE"]
            if !address.isEmpty { postal["streetAddress"] = address }
            if let code, let municipality = municipalities[code] {
                postal["addressLocality"] = municipality.name
                postal["addressRegion"] = municipality.regionName
            }
            locations.append([
                "@type": "Place", "name": name.isEmpty ? (address.isEmpty ? "–" : address) : name, "address": postal,
            ])
        }
        if let online = SafeURL.href(online) { locations.append(["@type": "VirtualLocation", "url": online]) }
        return locations.count == 1 ? locations[0] : locations
    }

    private func absolute(_ href: String) -> String { href.hasPrefix("/") ? base + href : href }

    private func iso(_ date: Date) -> String { DateText(timeZone: timeZone, language: .sv).machine(date) }

    /// JSON that cannot end the script element or open a comment: every `<` is escaped.
    static func script(_ data: [String: Any]) -> String {
        guard let json = try? JSONSerialization.data(withJSONObject: data, options: [.sortedKeys]),
            let text = String(data: json, encoding: .utf8)
        else { return "{}" }
        return text.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
