import Testing

@testable import SamverkaApp

@Suite("Markdown in safe mode")
struct MarkdownTests {
    @Test("tables, autolinks and strikethrough render")
    func extensions() {
        let html = Markdown.html("| a | b |\n|---|---|\n| 1 | 2 |\n\nSe https://example.org och ~~gammalt~~.")
        #expect(html.contains("<table>"))
        #expect(html.contains(#"<a href="https://example.org">https://example.org</a>"#))
        #expect(html.contains("<del>gammalt</del>"))
    }

    @Test(
        "raw HTML, event handlers and javascript: links never reach the page",
        arguments: [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klicka](javascript:alert(1))",
            "[klicka](JAVASCRIPT:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "![x](javascript:alert(1))",
        ])
    func hostile(_ source: String) {
        let html = Markdown.html(source).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("onerror="))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("src=\"javascript:"))
        #expect(!html.contains("<iframe"))
    }

    @Test(
        "a link or image without an address, or with one that was made safe, is just its text",
        arguments: [
            ("[Tom länk]()", "<p>Tom länk</p>\n"),
            ("[Blank](<>)", "<p>Blank</p>\n"),
            ("[Mellanslag]( )", "<p>Mellanslag</p>\n"),
            ("[klicka *här*](javascript:alert(1))", "<p>klicka <em>här</em></p>\n"),
            ("![En bild]()", "<p>En bild</p>\n"),
            ("Före [länk](https://example.org) efter", "<p>Före <a href=\"https://example.org\">länk</a> efter</p>\n"),
        ])
    func emptyLinks(_ markdown: String, _ expected: String) {
        #expect(Markdown.html(markdown) == expected)
    }

    @Test("entities stay text")
    func entities() {
        #expect(Markdown.html("&lt;script&gt; &amp; AT&T") == "<p>&lt;script&gt; &amp; AT&amp;T</p>\n")
    }
}

@Suite("HTML written by hand")
struct HTMLTextTests {
    @Test("every character that could open markup or an attribute is escaped")
    func escape() {
        #expect(
            HTMLText.escape(#"<script>"x" & 'y'</script>"#)
                == "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;")
        let select = FilterSelect(
            name: "q", label: "L", options: [.init(value: "\"><script>", label: "<b>Å</b>", selected: true)])
        #expect(
            select.optionsHTML == #"<option value="&quot;&gt;&lt;script&gt;" selected>&lt;b&gt;Å&lt;/b&gt;</option>"#)
    }
}
