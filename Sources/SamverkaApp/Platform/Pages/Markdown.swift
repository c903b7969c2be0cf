import CMarkGFM
import Foundation
import Vapor

/// Renders user-written Markdown to HTML with cmark-gfm in safe mode.
///
/// Safe mode is the point: raw HTML in the source becomes a comment and `javascript:` (and
/// other unsafe) link targets lose their `href`, so no text an organiser or importer supplies can
/// put markup or script on a page. Tables, autolinks and strikethrough are GitHub's extensions.
enum Markdown {
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    private static let extensionNames = ["table", "autolink", "strikethrough"]
    /// The longest text a Markdown field takes: far beyond any event or activity description,
    /// and small enough that every page stays quick to render.
    static let maximumLength = 20_000

    static func html(_ markdown: String) -> String {
        _ = registerExtensions
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        let utf8 = Array(markdown.utf8)
        utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        unwrapLinksWithoutAddress(document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

extension Markdown {
    /// Schemes safe mode would render as `href=""`: better as plain text than a dead link.
    private static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// Replaces each link or image whose address is empty, or unsafe, by its text: an emptied
    /// link must not stay on the page as a link to nowhere.
    private static func unwrapLinksWithoutAddress(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        var dead: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let address = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if address.isEmpty || unsafeSchemes.contains(where: address.hasPrefix) { dead.append(node) }
        }
        cmark_iter_free(iterator)
        // Changed only after the walk: the iterator must not see the tree move under it.
        for node in dead.reversed() {
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

extension FieldErrors {
    /// Refuses a Markdown text over `Markdown.maximumLength` with the count, rather than
    /// cutting what the person wrote.
    mutating func checkMarkdown(_ field: String, _ text: String?, _ request: Request) {
        let count = (text ?? "").count
        guard count > Markdown.maximumLength else { return }
        add(field, request.t("error.markdown_too_long", ["max": "\(Markdown.maximumLength)", "count": "\(count)"]))
    }
}
