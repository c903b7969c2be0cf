import Fluent
import Vapor

/// Organisations as people name them in a form: by their name, in any case (the browser
/// suggests names as one types), or by the name in their address.
enum OrganisationNames {
    /// A row naming no organisation Samverka knows.
    struct Unknown: Error {
        let row: Int
        let name: String
    }

    /// The organisations the filled rows name, in order, with each row's number (from 1).
    static func resolve(
        _ names: [String]?, on database: any Database
    ) async throws -> Result<[(row: Int, organisation: Organisation)], Unknown> {
        let rows = FormRows.filled([names])
        guard !rows.isEmpty else { return .success([]) }
        let typed = rows.map { $0.cells[0] }
        func named(_ name: String, in organisations: [Organisation]) -> Organisation? {
            organisations.first { $0.slug == name } ?? organisations.first { $0.name.lowercased() == name.lowercased() }
        }
        // The names as the suggestions write them (or address names) are found by one query;
        // only a name typed in another case needs every organisation read.
        var candidates = try await Organisation.query(on: database).group(.or) { either in
            either.filter(\.$slug ~~ typed)
            either.filter(\.$name ~~ typed)
        }.all()
        if typed.contains(where: { named($0, in: candidates) == nil }) {
            candidates = try await Organisation.query(on: database).all()
        }
        var found: [(row: Int, organisation: Organisation)] = []
        for (row, cells) in rows {
            guard let organisation = named(cells[0], in: candidates) else {
                return .failure(Unknown(row: row, name: cells[0]))
            }
            found.append((row, organisation))
        }
        return .success(found)
    }

    /// Every organisation as a suggestion: its name, and its municipality and badge beside it.
    static func suggestions(_ request: Request) async throws -> [FormField.Option] {
        let municipalities = request.application.municipalities
        return try await Organisation.query(on: request.db).sort(\.$name).all().map { organisation in
            let place = organisation.municipalityCode.flatMap { municipalities[$0]?.name }
            let verified = organisation.isVerified ? request.t("organisation.is_verified") : nil
            return FormField.Option(
                value: organisation.name, label: [place, verified].compactMap { $0 }.joined(separator: " · "),
                selected: false)
        }
    }

    /// The message for a row that names no known organisation.
    static func message(_ unknown: Unknown, _ request: Request) -> String {
        request.t("error.partner_unknown", ["row": "\(unknown.row)", "name": unknown.name])
    }
}
