extension StringProtocol {
    /// Whether every character is one of 0–9 (true for an empty string; callers check the length).
    /// `Character.isNumber` alone would also let through other scripts' digits and fractions.
    var isAllASCIIDigits: Bool { allSatisfy { $0.isASCII && $0.isNumber } }
}
