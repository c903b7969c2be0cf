import Fluent
import Vapor

/// Content with the fields every kind shares, editable through `ContentEditor`.
protocol EditableContent: TranslatableContent {
    associatedtype Details: ContentDetailsInput where Details.Item == Self

    var excerpt: String { get set }
    var ingress: String { get set }
    var body: String { get set }
    var image: String? { get set }

    static var section: Section { get }
    /// The catalogue key prefix of this kind ("event", "project", "group").
    static var nounKey: String { get }

    /// Whether the signed-in member may create one, and change this one: the site's editors
    /// unless a kind says otherwise (events: also the members they belong to).
    static func mayCreate(_ request: Request) async throws -> Bool
    func mayEdit(_ request: Request) async throws -> Bool

    /// Taken off the site by a moderator (events): still edited by its owners, and stays off.
    var isUnpublished: Bool { get }
    /// Told when the owners change an unpublished item, so moderators can look again.
    func changedWhileUnpublished(by request: Request, on database: any Database) async throws
}

extension EditableContent {
    static func mayCreate(_ request: Request) async throws -> Bool { request.canEditContent }
    func mayEdit(_ request: Request) async throws -> Bool { request.canEditContent }
    var isUnpublished: Bool { false }
    func changedWhileUnpublished(by request: Request, on database: any Database) async throws {}
}

/// The fields special to one kind of content, as typed into its form.
protocol ContentDetailsInput: Content {
    associatedtype Item
    init()
    init(item: Item, request: Request) async throws
    /// A new item's form as it first opens: empty, or filled from the link that led to it.
    static func starting(_ request: Request) async throws -> Self
    /// Checks the input and, where it is valid, writes it to `item`; problems go into `errors`.
    func apply(to item: Item, request: Request, errors: inout FieldErrors) async throws
    func fields(request: Request, errors: FieldErrors) async throws -> [FormField]
    /// Work that needs the item's id, such as relations; runs inside the saving transaction.
    func afterSave(_ item: Item, request: Request, on database: any Database) async throws
}

extension ContentDetailsInput {
    static func starting(_ request: Request) async throws -> Self { Self() }

    func afterSave(_ item: Item, request: Request, on database: any Database) async throws {}
}

/// The fields every kind of content has, as typed into a form. Every field is optional so
/// that a half-filled form decodes and comes back with what was typed.
struct ContentBasicsInput: Content {
    var title: String?
    var slug: String?
    var language: String?
    var translationKey: String?
    var excerpt: String?
    var ingress: String?
    var body: String?
    var image: String?
    /// A new image uploaded with the form; once stored, its address goes into `image`.
    var imageFile: File?

    static let titleLimit = 200
    static let excerptLimit = 300

    init() {}

    init(_ item: some EditableContent) {
        title = item.title
        slug = item.slug
        language = item.language.rawValue
        translationKey = item.translationKey
        excerpt = item.excerpt
        ingress = item.ingress
        body = item.body
        image = item.image
    }

    /// Checks the input and writes what is valid to `item`; a new image is written only by
    /// `ImageUpload.settle`, once the whole form is valid.
    func apply<Item: EditableContent>(to item: Item, request: Request, errors: inout FieldErrors) async throws {
        let title = (self.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { errors.add("title", request.t("error.required")) }
        if title.count > Self.titleLimit {
            errors.add("title", request.t("error.too_long", ["max": "\(Self.titleLimit)"]))
        }
        item.title = title

        var slug = (self.slug ?? "").trimmingCharacters(in: .whitespaces)
        if slug.isEmpty { slug = Slug.make(from: title) }
        if !title.isEmpty && !Slug.isValid(slug) {
            errors.add("slug", request.t("error.slug"))
        } else if let existing = try await Item.find(slug: slug, includingUnpublished: true, on: request.db),
            existing.id != item.id
        {
            errors.add("slug", request.t("error.slug_taken"))
        }
        item.slug = slug

        if let language = Language(rawValue: self.language ?? "") {
            item.language = language
        } else {
            errors.add("language", request.t("error.choose_one"))
        }
        let key = (translationKey ?? "").trimmingCharacters(in: .whitespaces)
        item.translationKey = key.isEmpty ? nil : key

        let excerpt = (self.excerpt ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if excerpt.count > Self.excerptLimit {
            errors.add("excerpt", request.t("error.too_long", ["max": "\(Self.excerptLimit)"]))
        }
        item.excerpt = excerpt
        item.ingress = (ingress ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        errors.checkMarkdown("body", body, request)
        item.body = body ?? ""

        item.image = ImageUpload.accept(
            file: imageFile, typed: image, fileField: "imageFile", addressField: "image", request: request,
            errors: &errors)
    }

    func fields(request: Request, errors: FieldErrors) -> [FormField] {
        let languageOptions = Language.allCases.map {
            FormField.Option(
                value: $0.rawValue, label: request.t("language.\($0.rawValue)"),
                selected: $0.rawValue == (language ?? request.language.rawValue))
        }
        return [
            FormField(
                "title", label: request.t("field.title"), value: title ?? "", error: errors["title"], required: true),
            FormField(
                "slug", label: request.t("field.slug"), value: slug ?? "", error: errors["slug"],
                hint: request.t("hint.slug")),
            FormField(
                "language", label: request.t("field.language"), kind: .select, error: errors["language"],
                required: true, options: languageOptions),
            FormField(
                "translationKey", label: request.t("field.translation_key"), value: translationKey ?? "",
                error: errors["translationKey"], hint: request.t("hint.translation_key")),
            FormField(
                "excerpt", label: request.t("field.excerpt"), value: excerpt ?? "", error: errors["excerpt"],
                hint: request.t("hint.excerpt")),
            FormField(
                "ingress", label: request.t("field.ingress"), kind: .textarea, value: ingress ?? "",
                error: errors["ingress"], rows: 3),
            FormField(
                "body", label: request.t("field.body"), kind: .textarea, value: body ?? "", error: errors["body"],
                hint: request.t("hint.markdown"), rows: 14),
        ] + FormField.image("image", label: request.t("field.image"), value: image, errors: errors, request: request)
    }
}
