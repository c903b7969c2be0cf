/// Where something is, as one line.
enum PlaceLine {
    /// Place parts (venue, address, municipality) joined with commas, leaving out empty ones and
    /// any an earlier part already names ("Umeå" not again after "Storgatan 1, Umeå"), then the
    /// link for joining online.
    static func join(_ place: [String], link: String?) -> String {
        var parts: [String] = []
        for part in place where !part.isEmpty && !parts.contains(where: { $0.localizedCaseInsensitiveContains(part) }) {
            parts.append(part)
        }
        if let link, !link.isEmpty { parts.append(link) }
        return parts.joined(separator: ", ")
    }
}
