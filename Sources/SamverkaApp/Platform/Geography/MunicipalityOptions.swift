import Vapor

/// The choice of municipality in forms: all 290 by name (a select answers to typing the first
/// letters), with the region beside each name, stored by official code.
enum MunicipalityOptions {
    static func options(_ request: Request, selected: String?) -> [FormField.Option] {
        [FormField.Option(value: "", label: request.t("option.none"), selected: (selected ?? "").isEmpty)]
            + request.application.municipalities.all.map {
                FormField.Option(value: $0.code, label: "\($0.name) (\($0.regionName))", selected: $0.code == selected)
            }
    }
}
