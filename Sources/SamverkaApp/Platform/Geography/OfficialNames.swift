/// The names the bodies themselves go by: "Falkenbergs kommun", "Region Västerbotten". A
/// municipality's name takes the genitive -s unless it ends in a vowel or in s, x or z; a few
/// are named otherwise. A region's name is a fact of each region, so it is listed.
extension Municipality {
    var councilName: String {
        if let special = Self.specialCouncilNames[code] { return special }
        let last = name.lowercased().last ?? "a"
        return ("aeiouyåäösxz".contains(last) ? name : name + "s") + " kommun"
    }

    /// Orust, Falun and Gotland (a municipality that is also the region) differ from the rule.
    private static let specialCouncilNames = ["1421": "Orust kommun", "2080": "Falu kommun", "0980": "Region Gotland"]
}

extension Region {
    /// The regional council (regionen), as it calls itself.
    var councilName: String {
        Self.councilNames[code] ?? name
    }

    private static let councilNames = [
        "01": "Region Stockholm", "03": "Region Uppsala", "04": "Region Sörmland", "05": "Region Östergötland",
        "06": "Region Jönköpings län", "07": "Region Kronoberg", "08": "Region Kalmar län", "09": "Region Gotland",
        "10": "Region Blekinge", "12": "Region Skåne", "13": "Region Halland", "14": "Västra Götalandsregionen",
        "17": "Region Värmland", "18": "Region Örebro län", "19": "Region Västmanland", "20": "Region Dalarna",
        "21": "Region Gävleborg", "22": "Region Västernorrland", "23": "Region Jämtland Härjedalen",
        "24": "Region Västerbotten", "25": "Region Norrbotten",
    ]
}
