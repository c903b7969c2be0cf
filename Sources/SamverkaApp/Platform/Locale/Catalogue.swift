import Foundation
import Vapor

/// The interface strings in Swedish and English, read from `Resources/Locales/{sv,en}.json`;
/// Swift code reads them with `request.t("nav.home")`, templates with `#t("nav.home")`: one key,
/// one spelling.
///
/// Operators may reword strings without recompiling. Both files must have the same keys;
/// a test checks that, and a missing key shows as the key itself rather than failing the page.
public struct Catalogue: Sendable {
    private let strings: [Language: [String: String]]

    init(strings: [Language: [String: String]]) {
        self.strings = strings
    }

    static func load(from resourcesDirectory: String) throws -> Catalogue {
        var strings: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let path = resourcesDirectory + "Locales/\(language.rawValue).json"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Abort(.internalServerError, reason: "Missing interface strings at \(path)")
            }
            strings[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogue(strings: strings)
    }

    /// All strings of one language by key; the catalogue test checks every key a template
    /// uses against it.
    func table(_ language: Language) -> [String: String] {
        strings[language] ?? [:]
    }

    func text(_ key: String, _ language: Language) -> String {
        strings[language]?[key] ?? key
    }

    /// A string with `{name}` placeholders filled in.
    func text(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        values.reduce(text(key, language)) { result, pair in
            result.replacingOccurrences(of: "{\(pair.key)}", with: pair.value)
        }
    }

    /// A string about `count` things: `key.one` for exactly one where the catalogue has it,
    /// else `key`. Swedish and English need no other plural forms.
    func text(_ key: String, count: Int, _ language: Language, _ values: [String: String] = [:]) -> String {
        let form = count == 1 && strings[language]?[key + ".one"] != nil ? key + ".one" : key
        return text(form, language, values.merging(["count": "\(count)"]) { given, _ in given })
    }

    func keys(_ language: Language) -> Set<String> {
        Set(strings[language]?.keys ?? [:].keys)
    }
}

extension Application {
    private struct CatalogueKey: StorageKey { typealias Value = Catalogue }

    var catalogue: Catalogue {
        get { storage[CatalogueKey.self] ?? Catalogue(strings: [:]) }
        set { storage[CatalogueKey.self] = newValue }
    }
}

extension Request {
    /// An interface string in the language of this request.
    func t(_ key: String) -> String {
        application.catalogue.text(key, language)
    }

    func t(_ key: String, _ values: [String: String]) -> String {
        application.catalogue.text(key, language, values)
    }

    func t(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        application.catalogue.text(key, count: count, language, values)
    }
}
