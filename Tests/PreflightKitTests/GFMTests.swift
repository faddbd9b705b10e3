import Testing
@testable import PreflightKit

@Suite("GitHub Flavored Markdown")
struct GFMTests {
    @Test func rendersTheGFMExtensions() {
        let html = GFM.html("""
        | a | b |
        | --- | --- |
        | 1 | 2 |

        - [ ] open
        - [x] done

        ~~gone~~ www.postgresql.org
        """)
        #expect(html.contains("<table>"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" />"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.postgresql.org\">"))
    }

    @Test func dropsRawHTMLAndUnsafeLinksUnlessAsked() {
        let markdown = "<div onclick=\"x()\">hi</div>\n\n[a](javascript:alert(1)) <script>x</script>"
        let safe = GFM.html(markdown)
        #expect(!safe.contains("<div onclick"))
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("javascript:"))
        #expect(safe.contains("<p>a <!-- raw HTML omitted -->"), "the link text stays, the empty anchor goes")
        let unsafe = GFM.html(markdown, unsafe: true)
        #expect(unsafe.contains("<div onclick"))
        #expect(!unsafe.contains("<script>"), "the tagfilter extension still neutralises script tags")
    }

    @Test func codeBlocksKeepTheirLanguage() {
        #expect(GFM.html("```sql\nSELECT 1;\n```").contains("<pre><code class=\"language-sql\">SELECT 1;"))
    }

    @Test func markdownFencesOutlastBackticksInCommands() {
        let fence = "echo ```".fenced(language: "shell")
        #expect(fence.hasPrefix("````shell\n") && fence.hasSuffix("\n````"))
    }
}
