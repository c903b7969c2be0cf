/// A Swedish organisation number (organisationsnummer): ten digits, the last a Luhn check
/// digit, written `NNNNNN-NNNN`. A twelve-digit form with the century prefix `16` is accepted
/// too, as some registers print it.
struct OrganisationNumber: Equatable, Sendable {
    /// Always `NNNNNN-NNNN`.
    let formatted: String

    enum Problem: Error, Equatable {
        case format
        case checkDigit
    }

    init(_ text: String) throws(Problem) {
        var digits = text.filter { !$0.isWhitespace && $0 != "-" }
        guard digits.isAllASCIIDigits else { throw .format }
        if digits.count == 12 && digits.hasPrefix("16") { digits.removeFirst(2) }
        guard digits.count == 10 else { throw .format }
        let values = digits.compactMap(\.wholeNumberValue)
        guard Self.luhnValid(values) else { throw .checkDigit }
        formatted = String(digits.prefix(6)) + "-" + String(digits.suffix(4))
    }

    /// The Luhn sum over all ten digits, doubling every other digit from the first.
    static func luhnValid(_ digits: [Int]) -> Bool {
        let sum = digits.enumerated().reduce(0) { total, pair in
            let (index, digit) = pair
            guard index % 2 == 0 else { return total + digit }
            let doubled = digit * 2
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }
}
