import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightSiteCheck

/// The checklist's exports, each read the way the tool that takes it reads it, against the site's
/// own checklist page: the same phases, the same steps in the same order, the same signers.
@Suite("Exports")
struct ExportTests {
    static let examples = ContentLoader.walk(Repository.content + "/profiles").filter { $0.hasSuffix(".yml") }.sorted()

    /// The site's printable checklist as a reader sees it: each phase with the labels of its
    /// checkboxes (`GO/NO-GO Title`), and the roles in the sign-off table.
    struct SiteChecklist {
        var title: String
        var phases: [(title: String, steps: [String])]
        var signers: [String]
        var steps: [String] { phases.flatMap(\.steps) }

        init(_ html: HTMLDocument) {
            title = html.strings("//h1").first ?? ""
            phases = Phase.allCases.compactMap { phase in
                guard let heading = html.strings("//section[@id='\(phase.rawValue)']/h2").first else { return nil }
                return (heading, html.strings("//section[@id='\(phase.rawValue)']//label").map(Self.plain))
            }
            signers = html.strings("//section[@id='sign-off']//tbody/tr/td[1]")
        }

        static func plain(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// Each example profile built with every export, each export read by what reads it.
    @Test(arguments: examples)
    func everyExportReadsAsItsToolReadsIt(profile: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-exports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var request = BuildRequest(base: Repository.content, profilePaths: [Repository.content + "/profiles/" + profile],
                                   outputRoot: root.appendingPathComponent("Output").path,
                                   cacheDirectory: root.appendingPathComponent("cache").path)
        request.exports = ExportFormat.allCases
        let result = Pipeline().build(request)
        #expect(!result.failed, "\(result.diagnostics.filter { $0.level == .error })")
        let id = try #require(result.profiles.first?.id)
        let folder = request.outputRoot + "/" + id
        let site = SiteChecklist(try Self.html(folder + "/checklist.html"))
        #expect(!site.steps.isEmpty && !site.signers.isEmpty)
        try checkIssueBody(folder, site)
        try checkJiraCSV(folder, site)
        try checkConfluencePage(folder, site)
        try checkSingleHTML(folder, site)
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// A page as libxml2's HTML parser reads it.
    static func html(_ path: String) throws -> HTMLDocument {
        let data = try #require(FileManager.default.contents(atPath: path), "\(path) is missing")
        return try #require(HTMLDocument(data: data), "\(path) does not parse")
    }

    /// The issue body through cmark-gfm, as GitHub and GitLab read it.
    func checkIssueBody(_ folder: String, _ site: SiteChecklist) throws {
        let markdown = try Self.read(folder + "/checklist.github-issue.md")
        let tree = MarkdownTree(markdown)
        #expect(tree.headings(level: 1) == [site.title])
        #expect(tree.headings(level: 2) == ["Change summary", "Change steps", "Rollback", "Sign-off"])
        #expect(tree.headings(level: 3) == site.phases.map(\.title), "every phase heading, in order")
        // Task-list items by the `##` part they are in.
        var part = "", tasks: [String: [String]] = [:]
        for node in tree.nodes {
            if node.type == "heading", node.headingLevel == 2 { part = node.text }
            if node.type == "tasklist" { tasks[part, default: []].append(node.text) }
        }
        let steps = (tasks["Change steps"] ?? []) + (tasks["Rollback"] ?? [])
        #expect(steps.count == site.steps.count, "one task-list item per step")
        for (item, label) in zip(steps, site.steps) { #expect(item.hasPrefix(label), "\(item) is not the step \(label)") }
        #expect((tasks["Sign-off"] ?? []).map { $0.components(separatedBy: " — ")[0] } == site.signers)
        #expect(tasks["Change summary"] == nil)
        // Owners as labels, for `gh issue create --label` and for GitLab's quick action.
        let labelsLine = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("Labels: ") })
        let labels = labelsLine.dropFirst("Labels: ".count).split(separator: ",").map(String.init)
        #expect(!labels.isEmpty && labels.allSatisfy { $0.hasPrefix("owner::") && !$0.contains(" ") })
        #expect(markdown.contains("\n/label " + labels.map { "~\"\($0)\"" }.joined(separator: " ") + "\n"))
    }

    /// The Jira CSV through the project's RFC 4180 reader, checked as the importer links rows.
    func checkJiraCSV(_ folder: String, _ site: SiteChecklist) throws {
        let text = try Self.read(folder + "/checklist.jira.csv")
        let records = try CSVReader.records(text).get().map { $0.cells.map(\.text) }
        #expect(records.first == ["Issue Type", "Summary", "Description", "Labels", "Issue Id", "Parent"])
        #expect(records.allSatisfy { $0.count == 6 }, "the same number of columns in every row")
        let rows = records.dropFirst()
        #expect(Set(rows.map { $0[4] }).count == rows.count, "issue ids are unique")
        let phases = rows.filter { row in row[0] == "Task" && site.phases.contains { row[1].hasPrefix($0.title + ": ") } }
        #expect(phases.map { String($0[1].prefix { $0 != ":" }) } == site.phases.map(\.title))
        let subtasks = Array(rows.filter { $0[0] == "Sub-task" })
        #expect(subtasks.count == site.steps.count, "one sub-task per step")
        for (row, label) in zip(subtasks, site.steps) {
            #expect(row[1].replacingOccurrences(of: "GO/NO-GO: ", with: "GO/NO-GO ") == label)
        }
        let order = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element[4], $0.offset) })
        for row in subtasks {
            let parent = try #require(phases.first { $0[4] == row[5] }, "\(row[1]): its parent `\(row[5])` is no phase row")
            #expect(order[parent[4]]! < order[row[4]]!, "a parent comes before its sub-tasks")
            #expect(row[3].hasPrefix("owner-") && !row[3].contains(" "))
        }
        // Each phase row's sub-tasks are the steps the site lists under that phase.
        for (phase, row) in zip(site.phases, phases) {
            #expect(subtasks.filter { $0[5] == row[4] }.map { $0[1].replacingOccurrences(of: "GO/NO-GO: ", with: "GO/NO-GO ") } == phase.steps)
        }
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "records end in CRLF")
    }

    /// The Confluence body through libxml2's XML parser, inside a root that declares `ac:`.
    func checkConfluencePage(_ folder: String, _ site: SiteChecklist) throws {
        let page = try #require(StorageFormatDocument(try Self.read(folder + "/checklist.confluence.xml")), "not well-formed XML")
        #expect(page.strings("//ac:task").count == site.steps.count, "one task per step")
        #expect(page.strings("//h3") == site.phases.map(\.title))
        #expect(Set(page.strings("//ac:task/ac:task-status")) == ["incomplete"])
        let ids = page.strings("//ac:task/ac:task-id")
        #expect(Set(ids).count == site.steps.count)
        for phase in site.phases {
            let bodies = page.strings("//h3[.='\(phase.title)']/following-sibling::ac:task-list[1]/ac:task/ac:task-body")
            #expect(bodies.count == phase.steps.count)
            for (body, label) in zip(bodies, phase.steps) { #expect(body.hasPrefix(label), "\(body) is not the step \(label)") }
        }
        #expect(page.strings("//h2[.='Sign-off']/following-sibling::table[1]//tr/td[1]") == site.signers)
    }

    /// The single HTML file through libxml2's HTML parser: nothing outside it, the site's link check clean.
    func checkSingleHTML(_ folder: String, _ site: SiteChecklist) throws {
        let page = try Self.html(folder + "/checklist.single.html")
        #expect(page.strings("//link").isEmpty && page.strings("//script").isEmpty)
        #expect(page.strings("//@src").isEmpty, "nothing is loaded from another file")
        let ids = Set(page.strings("//@id"))
        for link in page.strings("//@href") {
            if link.hasPrefix("#") {
                #expect(ids.contains(String(link.dropFirst())), "the anchor \(link) is not in the page")
            } else {
                #expect(link.hasPrefix("https://"), "\(link) points at another file")
            }
        }
        #expect(page.strings("//style").count == 1)
        #expect(page.strings("//h1") == [site.title])
        let checklist = SiteChecklist(page)
        #expect(checklist.phases.map(\.title) == site.phases.map(\.title))
        #expect(checklist.steps == site.steps)
        #expect(checklist.signers == site.signers)
        let tasks = page.strings("//div[contains(concat(' ', @class, ' '), ' task ')]/@class")
        #expect(tasks.count == site.steps.count && tasks.allSatisfy { $0.contains("line") }, "one line per step, as printed")
        // The site's own link check finds nothing broken in the folder, the single file included.
        let check = LinkChecker().check(root: (folder as NSString).deletingLastPathComponent)
        #expect(check.broken.isEmpty, "\(check.broken)")
    }
}
