import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightSiteCheck

/// Profile values in the exports: each format escapes them for where they land, and the tool that
/// reads the file gets the value back as written.
extension ExportTests {
    static let awkwardName = "Fleet <eu> & \"west\", tier 1\nsecond line"

    static var awkwardSite: [String: String] {
        var files = DocumentsTests.site
        let yaml = "\"" + awkwardName.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        files["Content/profiles/demo.yml"] = files["Content/profiles/demo.yml"]!
            .replacingOccurrences(of: "name: Demo — PostgreSQL 12 to 15", with: "name: " + yaml)
        return files
    }

    @Test func aProfileValueComesThroughEveryFormatIntact() throws {
        let site = try FixtureSite(Self.awkwardSite)
        defer { site.remove() }
        var request = BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)
        request.exports = [.singleHTML, .githubIssue, .confluence, .jiraCSV, .jiraCSV]
        let result = Pipeline().build(request)
        #expect(!result.failed, "\(result.diagnostics.filter { $0.level == .error })")
        let title = "Pre-cutover checklist — " + Self.awkwardName

        // Markdown: a heading is one line, so the line break reads as a space; nothing else changes
        // and the value's HTML stays text.
        let issue = try site.read("Output/demo/checklist.github-issue.md")
        let tree = MarkdownTree(issue)
        #expect(tree.headings(level: 1) == [title.replacingOccurrences(of: "\n", with: " ")])
        #expect(!tree.nodes.contains { $0.type == "html_inline" || $0.type == "html_block" })
        #expect(!GFM.html(issue, unsafe: true).contains("<eu>"))

        // CSV: the description keeps the value whole, line break included; a summary is one line.
        let records = try CSVReader.records(try site.read("Output/demo/checklist.jira.csv")).get().map { $0.cells.map(\.text) }
        #expect(records.allSatisfy { $0.count == 6 })
        let plan = try #require(records.first { $0[0] == "Task" && $0[1].hasPrefix("Cutover: ") })
        #expect(plan[1] == "Cutover: " + Self.awkwardName.replacingOccurrences(of: "\n", with: " "))
        #expect(plan[2].hasPrefix("Cutover of the pre-cutover checklist for " + Self.awkwardName + ".\n"))

        // XML: the text of the heading is the value, line break included.
        let page = try #require(StorageFormatDocument(try site.read("Output/demo/checklist.confluence.xml")))
        #expect(page.strings("//h1") == [title])
        #expect(page.strings("//eu").isEmpty)

        // HTML: the value is text in the page, and the print style cannot close its element.
        let single = try Self.html(site.path("Output/demo/checklist.single.html"))
        #expect(single.strings("//h1") == [title])
        #expect(single.strings("//title") == [title])
        #expect(single.strings("//eu").isEmpty)
        let style = try #require(single.strings("//style").first)
        #expect(style.contains("content: \"Fleet \\3c eu> & \\\"west\\\", tier 1 second line\""))
        #expect(!style.contains("<"))
    }

    /// What would make a link, an image, a macro or a table cell in Jira's wiki markup is escaped.
    @Test func jiraDescriptionsEscapeWikiMarkup() {
        #expect(JiraCSVExport.text("[x|javascript:alert(1)] !img.png! {html}") == "\\[x\\|javascript:alert(1)\\] \\!img.png\\! \\{html\\}")
        #expect(JiraCSVExport.cell("a \"b\", c\nd") == "\"a \"\"b\"\", c\nd\"")
        #expect(JiraCSVExport.cell("plain") == "plain")
    }

    /// The formats are part of every profile's cache key: asking for one rebuilds, and dropping it
    /// again removes its file without calling it someone else's.
    @Test func formatsArePartOfTheCacheKey() throws {
        let site = try FixtureSite(DocumentsTests.site)
        defer { site.remove() }
        var request = BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)
        #expect(Pipeline().build(request).profiles.map(\.status) == [.built])
        #expect(!site.exists("Output/demo/checklist.jira.csv"))
        request.exports = [.jiraCSV]
        #expect(Pipeline().build(request).profiles.map(\.status) == [.built])
        #expect(site.exists("Output/demo/checklist.jira.csv"))
        #expect(Pipeline().build(request).upToDate)
        request.exports = []
        let result = Pipeline().build(request)
        #expect(result.profiles.map(\.status) == [.built])
        #expect(!site.exists("Output/demo/checklist.jira.csv"))
        #expect(!result.diagnostics.contains { $0.code == .foreignFilesRemoved })
    }
}
