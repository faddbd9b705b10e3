import Foundation
import Testing
@testable import PreflightKit

/// Profile values in the Markdown outputs: a name with raw HTML, a `javascript:` link and a line
/// break before a heading reads as those characters in every `.md` file and in the HTML made from
/// it, with `--unsafe-html` too; in code it stays as written but cannot end the code.
extension SafetyTests {
    static let markdownAttack = "Evil <b>bold</b> & [x](javascript:alert(7)) *em* `tick`\n## Injected heading\n| cell |"

    /// The value as a double-quoted YAML scalar.
    static var markdownAttackYAML: String {
        "\"" + markdownAttack.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static var markdownSite: [String: String] {
        var files = DocumentsTests.site
        files["Content/profiles/demo.yml"] = """
        id: demo
        name: \(markdownAttackYAML)
        source: { engine: postgres, version: "12.17" }
        target: { engine: postgresql, version: "15.5" }
        data: { size: 100 GB }
        topology: { replicas: 1 }
        service: { name: \(markdownAttackYAML) }
        window: { mode: read-only, duration: 20m, starts: "2026-12-06T02:00", timezone: America/New_York }
        customers: { timezones: [Europe/Berlin], contact: "ops@example.com", product: \(markdownAttackYAML) }
        """
        files["Content/tips/values.md"] = """
        ---
        id: tip-values
        kind: tip
        title: Values
        reviewed: 2026-11
        ---
        {{#service.name}}The service {{service.name}} is checked with `psql -c '{{service.name}}'`.

        ```sh
        echo '{{service.name}}'
        ```
        {{/service.name}}
        """
        files["Content/steps/values.md"] = """
        ---
        id: step-values
        kind: step
        title: Tell the service owners
        phase: before-cutover
        owner: dba
        estimate: 5m
        reviewed: 2026-11
        ---
        {{#service.name}}Tell the owners of {{service.name}} when the window starts.{{/service.name}}
        """
        return files
    }

    @Test(arguments: [false, true])
    func profileValuesAreLiteralInMarkdownOutputs(unsafeHTML: Bool) throws {
        let site = try FixtureSite(Self.markdownSite)
        defer { site.remove() }
        var request = BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)
        request.unsafeHTML = unsafeHTML
        let result = Pipeline().build(request)
        #expect(!result.failed, "\(result.diagnostics.filter { $0.level == .error })")
        var markdownFiles = 0
        for (path, data) in site.snapshot("Output") {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".md") {
                markdownFiles += 1
                #expect(!text.split(separator: "\n").contains { $0.hasPrefix("## Injected") }, "\(path) lets a value start a heading")
                // What Markdown makes of the file, raw HTML allowed: none of the value's markup comes
                // alive (in code the value is written as it is, and shown as text).
                let rendered = GFM.html(text, unsafe: true)
                #expect(!rendered.contains("<b>bold"), "\(path) renders the value's HTML")
                #expect(!rendered.contains("href=\"javascript:alert(7)"), "\(path) renders a link to javascript:")
                #expect(!rendered.contains("<h2>Injected"), "\(path) renders the injected heading")
                #expect(!rendered.contains("<em>em</em>"), "\(path) renders the value's emphasis")
            }
            if path.hasSuffix(".html") {
                #expect(!text.contains("<b>bold</b>"), "\(path) carries live HTML from the profile")
                #expect(!text.contains("href=\"javascript:alert(7)"), "\(path) links to javascript:")
                #expect(!text.contains(">Injected heading</h"), "\(path) shows the injected heading as a heading")
            }
        }
        #expect(markdownFiles > 5)
        // The value is shown, escaped, where Markdown reads it as prose…
        let checklist = try site.read("Output/demo/checklist.md")
        #expect(checklist.hasPrefix("# Pre-cutover checklist — Evil &lt;b&gt;bold&lt;/b&gt; &amp; \\[x\\](javascript:alert(7)) \\*em\\* \\`tick\\` \\#\\# Injected heading \\| cell \\|"),
                "\(checklist.prefix(200))")
        // …and as written in code, where a backtick could otherwise end the span.
        let page = try site.read("Output/demo/runbook.html")
        #expect(page.contains("Tell the owners of Evil &lt;b&gt;bold&lt;/b&gt; &amp; [x](javascript:alert(7))"), "the step's HTML shows the value as text")
        let tip = try site.read("Output/demo/wiki/Pro-Tips.md")
        #expect(tip.contains("The service Evil &lt;b&gt;bold"), "\(tip)")
        #expect(tip.contains("`psql -c 'Evil <b>bold</b> & [x](javascript:alert(7)) *em* \u{FF40}tick\u{FF40} ## Injected heading | cell |'`"), "\(tip)")
        #expect(tip.contains("echo 'Evil <b>bold</b> & [x](javascript:alert(7)) *em* \u{FF40}tick\u{FF40} ## Injected heading | cell |'"), "\(tip)")
    }

    @Test(arguments: [
        ("0.5% of 12.17", "0.5% of 12.17"), ("1. item", "1\\. item"), ("3)", "3\\)"), ("- x", "\\- x"),
        ("(javascript:x)", "\\(javascript:x)"), ("a (b)", "a (b)"), ("<i> & x", "&lt;i&gt; &amp; x"),
        ("a\r\nb\u{0}c\td", "a bc\td"), ("~~s~~ _e_", "\\~\\~s\\~\\~ \\_e\\_"), ("pg_dump _x", "pg_dump \\_x"),
    ])
    func plainTextEscapesOnlyWhatMarkdownReads(text: String, escaped: String) {
        #expect(MarkdownEscape.inline(text) == escaped)
    }

    @Test func aControlCharacterInAnInventoryCellIsRefused() throws {
        let site = try FixtureSite(MalformedInputTests.valid.merging([
            "fleet.csv": "id,name,source,target\nx,Bad\u{0}name,postgresql@12,postgresql@15\ny,Fine\tname,postgresql@12,postgresql@15\n",
        ]) { _, new in new })
        defer { site.remove() }
        let loaded = InventoryLoader(vocabulary: ContentLoader().load(from: site.content).0.vocabulary).load(path: site.path("fleet.csv"))
        let problem = try #require(loaded.first?.diagnostics.first)
        #expect(problem.code == .inventoryControlCharacter && problem.level == .error && problem.message.contains("U+0000"))
        #expect(problem.location.line == 2 && problem.location.column == 6, "at the NUL itself: \(problem.location)")
        #expect(problem.hint?.isEmpty == false)
        #expect(loaded.first?.profile == nil)
        #expect(loaded.last?.profile != nil && loaded.last?.diagnostics.hasErrors == false, "a tab is allowed")
    }
}
