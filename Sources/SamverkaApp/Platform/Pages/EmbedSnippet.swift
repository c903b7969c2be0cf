import Vapor

/// The code another site pastes to show one of Samverka's embed pages in an iframe.
enum EmbedSnippet {
    /// The code to paste into another site, for the page's embed address.
    static func code(_ request: Request, embed: SiteURL, query: String, title: String) -> String {
        let source = request.application.settings.publicURL + embed.path + query
        return
            "<iframe src=\"\(HTMLText.escape(source))\" title=\"\(HTMLText.escape(title))\" width=\"100%\" height=\"600\" loading=\"lazy\" style=\"border:0\"></iframe>"
    }
}
