extension String {
    /// The string, or nil when it is empty, for optional template fields.
    var nonEmpty: String? { isEmpty ? nil : self }
}
