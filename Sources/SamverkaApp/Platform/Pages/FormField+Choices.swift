import Vapor

extension FormField {
    /// An image given by its address, and beside it the file that uploads one instead
    /// (`ImageUpload` reads `{name}File`).
    static func image(
        _ name: String, label: String, value: String?, errors: FieldErrors, request: Request
    ) -> [FormField] {
        [
            FormField(name, label: label, value: value ?? "", error: errors[name], hint: request.t("hint.image")),
            FormField(
                name + "File", label: request.t("field.image_file"), kind: .file, error: errors[name + "File"],
                hint: request.t("hint.image_file")),
        ]
    }
}

extension FormField.Option {
    /// Every case of a string-backed enum as an option, labelled `{prefix}.{case}` from the
    /// catalogue, the one whose value is `current` selected.
    static func all<Choice: RawRepresentable & CaseIterable>(
        _ type: Choice.Type, labels prefix: String, selected current: String?, request: Request
    ) -> [FormField.Option] where Choice.RawValue == String {
        type.allCases.map {
            FormField.Option(
                value: $0.rawValue, label: request.t("\(prefix).\($0.rawValue)"), selected: $0.rawValue == current)
        }
    }
}
