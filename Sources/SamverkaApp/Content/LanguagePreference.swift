import Fluent

/// Lists show each piece of content once: in the reader's language when it exists, otherwise
/// in the language it was written in. An English visitor sees the English event, not also its
/// Swedish partner, yet still sees a Swedish-only event.
enum LanguagePreference {
    static func apply<Item: TranslatableContent>(
        _ language: Language, to query: QueryBuilder<Item>, on database: any Database
    ) async throws {
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
                either.filter(
                    .path(["translation_key"], schema: Item.schema), .subset(inverse: true),
                    .array(keysInLanguage.map { .bind($0) }))
            }
        }
    }

    /// Each item once: where an item and its translation are both in the list, the one in the
    /// reader's language.
    static func preferred<Item: TranslatableContent>(_ items: [Item], language: Language) -> [Item] {
        let keysInLanguage = Set(items.filter { $0.language == language }.compactMap(\.translationKey))
        return items.filter { item in
            item.language == language || item.translationKey.map { !keysInLanguage.contains($0) } ?? true
        }
    }
}
