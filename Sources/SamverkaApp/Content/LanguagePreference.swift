import Fluent

/// Lists show each piece of content once: in the reader's language when it exists, otherwise
/// in the language it was written in. An English visitor sees the English event, not also its
/// Swedish partner, yet still sees a Swedish-only event.
enum LanguagePreference {
    static func apply<Item: TranslatableContent>(_ language: Language, to query: QueryBuilder<Item>, on database: any Database) async throws {
        let keysInLanguage = try await Item.query(on: database)
            .filter("language", .equal, language)
            .filter(.path(["translation_key"], schema: Item.schema), .notEqual, .null)
            .all()
            .compactMap(\.translationKey)
        query.group(.or) { either in
            either.filter("language", .equal, language)
            either.filter(.path(["translation_key"], schema: Item.schema), .equal, .null)
            if keysInLanguage.isEmpty {
                either.filter("language", .notEqual, language)
            } else {
                either.filter(.path(["translation_key"], schema: Item.schema), .subset(inverse: true), .array(keysInLanguage.map { .bind($0) }))
            }
        }
    }
}
