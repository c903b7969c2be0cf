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
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
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
