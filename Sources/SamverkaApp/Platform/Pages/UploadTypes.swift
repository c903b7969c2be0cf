import Vapor

/// The kinds of file Samverka keeps and serves under `/uploads`: images and PDF documents.
/// Everything else is neither imported nor served, so no upload can be a page of its own.
enum UploadTypes {
    private static let byExtension: [String: HTTPMediaType] = [
        "jpg": .jpeg, "jpeg": .jpeg, "png": .png, "gif": .gif, "webp": HTTPMediaType(type: "image", subType: "webp"),
        "avif": HTTPMediaType(type: "image", subType: "avif"), "svg": HTTPMediaType(type: "image", subType: "svg+xml"),
        "pdf": .pdf,
    ]

    /// The type a file is served as, by its name; nil for any other kind.
    static func mediaType(forFileName name: String) -> HTTPMediaType? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return byExtension[name[name.index(after: dot)...].lowercased()]
    }
}
