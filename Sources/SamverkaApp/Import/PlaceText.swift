import Foundation

/// Reads the free-text `place` of an old event ("Goto 10, Hammarby Kaj 10D, 120 07 Stockholm",
/// "Online", a meeting link) into format, place name, address and municipality.
struct PlaceText {
    var format: EventFormat = .physical
    var name = ""
    var address = ""
    var municipalityCode: String?
    var onlineURL: String?

    static let onlineWords: Set<String> = [
        "online", "digitalt", "digital", "zoom", "webinar", "webbinarium", "distans",
    ]
    /// English names of municipalities that old texts use.
    static let englishNames = ["gothenburg": "Göteborg"]

    init(_ text: String, municipalities: Municipalities) {
        let place = text.trimmingCharacters(in: .whitespaces)
        guard !place.isEmpty else { return }
        if SafeURL.isWebAddress(place), place.hasPrefix("http") {
            format = .online
            onlineURL = place
            return
        }
        // "Online" or "Digitalt" says only what the format already says.
        if Self.onlineWords.contains(place.lowercased()) {
            format = .online
            return
        }
        let parts = place.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        name = parts[0]
        address = parts.count > 1 ? parts[1] : ""
        municipalityCode = Self.municipality(in: place, municipalities: municipalities)
    }

    /// The municipality whose name stands as a word in the text, the last such word winning
    /// (addresses end with the town).
    static func municipality(in text: String, municipalities: Municipalities) -> String? {
        let words = text.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        let byName = Dictionary(
            municipalities.all.map { ($0.name.lowercased(), $0.code) }, uniquingKeysWith: { first, _ in first })
        for word in words.reversed() {
            let key = word.lowercased()
            let name = englishNames[key]?.lowercased() ?? key
            if let code = byName[name] { return code }
        }
        return nil
    }
}

/// Reads weekly recurrence from an old event's date text ("Fridays 15:00", "Fredagar kl 15:00",
/// "every Tuesday"), and whether the title says the series has ended ("(avslutat)", "(not anymore)").
struct RecurrenceText {
    var recurrence: Recurrence = .none
    var hasEnded = false

    static let pluralWeekdays = [
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
        "måndagar", "tisdagar", "onsdagar", "torsdagar", "fredagar", "lördagar", "söndagar",
    ]
    static let everyWords = ["every", "varje", "weekly", "veckovis"]
    static let endedWords = ["avslutat", "avslutad", "not anymore", "ended", "upphört", "no longer"]

    init(description: String, title: String) {
        let text = description.lowercased()
        let words = text.split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains(where: { Self.pluralWeekdays.contains($0) || Self.everyWords.contains($0) }) {
            recurrence = .weekly
            let lowerTitle = title.lowercased()
            hasEnded = Self.endedWords.contains { lowerTitle.contains($0) }
        }
    }
}
