import Leaf
import Vapor

/// `#t("nav.home")`: an interface string in the request's language, straight from the
/// catalogue, by the same key Swift code uses. Handing the whole catalogue to every template
/// instead cost more than the rest of a page's rendering. Output is HTML-escaped.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw Abort(.internalServerError, reason: "#t needs a string key")
        }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.application.catalogue.text(key, request.language))
    }
}
