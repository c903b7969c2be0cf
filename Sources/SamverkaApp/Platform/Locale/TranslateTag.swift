import Leaf
import Vapor

/// `#t("nav_home")`: an interface string in the request's language, straight from the
/// catalogue. Handing the whole catalogue to every template instead cost more than the rest of
/// a page's rendering. Keys use `_` where the catalogue has `.`; output is HTML-escaped.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw Abort(.internalServerError, reason: "#t needs a string key")
        }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.application.catalogue.templateText(key, request.language))
    }
}
