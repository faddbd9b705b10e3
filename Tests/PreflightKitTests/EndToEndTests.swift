import Foundation
import Testing
@testable import PreflightKit

/// Builds an inline content tree and asserts on the files written, as Hugo's integration tests do.
@Suite("End to end")
struct EndToEndTests {
    static let site: [String: String] = FixtureSite.basics.merging([
        "Content/profiles/demo.yml": """
        id: demo
        name: Demo — PostgreSQL 12 to 15
        source: { engine: postgres, version: "12.17" }
        target: { engine: postgresql, version: "15.5" }
        data: { size: 1 TB }
        topology: { replicas: 1, replication: streaming }
        application: { orm: sequelize }
        window: { mode: read-only, duration: 20m }
        roles: [engineer, dba, devops]
        """,
        "Content/notes/pg15.md": """
        ---
        id: pg15-note
        kind: engine-note
        title: PostgreSQL 15 note
        when: { target.family: postgresql, target.version: ">=15" }
        related: [replica-lag]
        sources: [{ title: Release notes, url: "https://www.postgresql.org/docs/release/15.0/" }]
        ---
        Upgrading from {{source.version}} to {{target.version}}: <script>alert(1)</script> [x](javascript:alert(1))
        """,
        "Content/notes/mysql.md": """
        ---
        kind: engine-note
        title: MySQL only
        when: { target.family: mysql }
        sources: [{ title: Manual, url: "https://dev.mysql.com/doc/" }]
        ---
        Never shown for PostgreSQL.
        """,
        "Content/steps/lag.md": """
        ---
        id: replica-lag
        kind: step
        title: Check replica lag
        when: { topology.replicas: ">=1" }
        phase: cutover
        owner: devops
        estimate: 3m
        gate: true
        commands:
          - { title: Lag, lang: sql, on: source, run: "SELECT replay_lag FROM pg_stat_replication;" }
          - { title: MySQL, lang: sql, on: source, run: "SHOW REPLICA STATUS;", when: { source.family: mysql } }
        ---
        Stop if lag does not fall.
        """,
        "Content/steps/copy.md": """
        ---
        id: copy-data
        kind: step
        title: Copy the data
        phase: cutover
        owner: dba
        estimate: { rate: 100 GB/h, of: data.size }
        ---
        Copy {{data.size}}.
        """,
        "Content/steps/pm-only.md": """
        ---
        id: pm-only
        kind: step
        title: Product sign-off
        roles: [product-manager]
        phase: plan
        owner: product-manager
        estimate: 30m
        ---
        Only for product managers.
        """,
    ]) { _, new in new }

    @Test func buildsChecklistAndWikiForTheProfile() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.built.map(\.profile) == ["demo"])

        let markdown = try site.read("Output/demo/checklist.md")
        #expect(markdown.contains("## Cutover"))
        // One line per step, with its clock and a link to its text and commands in the runbook.
        #expect(markdown.contains("- [ ] **GO/NO-GO** **Check replica lag** — owner: DevOps · T+10:00 → T+10:03 · [details](runbook.md#step-replica-lag)"))
        #expect(!markdown.contains("SELECT replay_lag FROM pg_stat_replication;"), "commands are in the runbook")
        #expect(markdown.contains("over the 20m window"))
        let runbook = try site.read("Output/demo/runbook.md")
        #expect(runbook.contains("SELECT replay_lag FROM pg_stat_replication;"))
        #expect(!runbook.contains("SHOW REPLICA STATUS"), "a command whose `when` fails is left out")
        #expect(runbook.contains("Copy 1 TB."))
        #expect(runbook.contains("10h (1 TB at 100 GB/h)"))
        #expect(!markdown.contains("Product sign-off"), "not for this profile's readers")

        let html = try site.read("Output/demo/checklist.html")
        #expect(html.contains("<section id=\"cutover\" aria-labelledby=\"cutover-title\">"))
        #expect(html.contains("id=\"step-replica-lag\""))
        #expect(html.contains("<label for=\"check-replica-lag\"><strong class=\"gate-mark\">GO/NO-GO</strong> Check replica lag</label>"))

        #expect(site.exists("Output/demo/wiki/Home.md"))
        #expect(site.exists("Output/demo/wiki/_Sidebar.md"))
        let notes = try site.read("Output/demo/wiki/Engine-Notes.md")
        #expect(notes.contains("Upgrading from 12.17 to 15.5"))
        #expect(!notes.contains("MySQL only"))
        #expect(notes.contains("Related: [Check replica lag](Checklist)"), "steps live on the wiki's checklist page")
        let sidebar = try site.read("Output/demo/wiki/_Sidebar.md")
        #expect(sidebar.contains("[Engine notes](Engine-Notes)"))
        #expect(!sidebar.contains(".md)"), "wiki links are page names, not files")
        #expect(site.exists("Output/demo/assets/style.css"))
        #expect(site.exists("Output/demo/.preflight-output"))

        let explain = try site.read("Output/demo/explain.json")
        #expect(explain.contains("\"id\" : \"mysql\""))
    }

    @Test func rawHTMLAndUnsafeLinksAreDroppedFromPages() throws {
        var files = Self.site
        files["Content/steps/html.md"] = """
        ---
        id: html-step
        kind: step
        title: Escapes <b>title</b>
        phase: plan
        owner: dba
        estimate: 1m
        ---
        Body <script>alert(1)</script> and [link](javascript:alert(1)).
        """
        let site = try FixtureSite(files)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!result.failed, "\(result.diagnostics)")
        let html = try site.read("Output/demo/checklist.html")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("Escapes &lt;b&gt;title&lt;/b&gt;"))
    }

    @Test func aContentErrorLeavesTheOutputByteForByteUntouched() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let first = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!first.failed)
        let before = site.snapshot("Output")
        #expect(!before.isEmpty)

        try site.write("Content/steps/copy.md", "---\nkind: step\ntitle: Broken\nphase: cutover\nestimate: fast\n---\n")
        let second = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(second.failed)
        #expect(second.diagnostics.contains { $0.code == DiagnosticCode.invalidEstimate })
        #expect(site.snapshot("Output") == before)
    }

    @Test func buildsAreDeterministicAcrossFolders() throws {
        let one = try FixtureSite(Self.site), two = try FixtureSite(Self.site)
        defer { one.remove(); two.remove() }
        _ = Pipeline().build(BuildRequest(base: one.content, outputRoot: one.output, cacheDirectory: one.cache))
        _ = Pipeline().build(BuildRequest(base: two.content, outputRoot: two.output, cacheDirectory: two.cache))
        let a = one.snapshot("Output"), b = two.snapshot("Output")
        #expect(!a.isEmpty && a == b)
        for (_, data) in a { #expect(!String(decoding: data, as: UTF8.self).contains(one.root.path)) }
    }

    @Test func theOutputFolderHoldsDocumentsAndTheMarkerOnly() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        #expect(!Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)).failed)
        let hidden = site.snapshot("Output").keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(Set(hidden.map { String($0.split(separator: "/").last!) }) == [OutputWriter.marker], "\(hidden.sorted())")
        // The cache went where it was told, and it is what makes the next build a no-op.
        #expect(FileManager.default.fileExists(atPath: site.cache + "/manifest.json"))
        #expect(Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache)).upToDate)
    }

    @Test func theDefaultCacheFolderIsPerOutputFolderAndOutsideIt() {
        let one = BuildCache.defaultFolder(for: "Output"), two = BuildCache.defaultFolder(for: "other/Output")
        #expect(one != two && one.contains("/preflight/"))
        #expect(one == BuildCache.defaultFolder(for: FileManager.default.currentDirectoryPath + "/Output"))
        #expect(!one.hasPrefix(FileManager.default.currentDirectoryPath + "/Output"))
    }

    @Test func roleFilterSelectsTheReadersItems() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache,
                                                   readers: [.productManager]))
        #expect(!result.failed)
        let markdown = try site.read("Output/demo/checklist.md")
        #expect(markdown.contains("Product sign-off"))
    }

    @Test func quickProfileFromFlags() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let flags: [BuildRequest.QuickField] = [
            .init(path: "source", value: "postgresql@12"), .init(path: "target", value: "pg@15"),
            .init(path: "data.size", value: "1TB"), .init(path: "topology.replicas", value: "1"),
            .init(path: "application.orm", value: "sequelize"), .init(path: "window.duration", value: "20m"),
        ]
        let result = Pipeline().build(BuildRequest(base: site.content, quickProfile: flags, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.built.map(\.profile) == ["quick"])
        #expect(try site.read("Output/quick/checklist.md").contains("Check replica lag"))
    }

    @Test func explainNamesFieldsNotStated() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let request = BuildRequest(base: site.content, profilePaths: [site.path("Content/profiles/demo.yml")])
        let included = try Pipeline().explain("pg15-note", request).get()
        #expect(included.decision.included)
        #expect(included.text.contains("✓ target.version: >=15 (profile: 15.5)"))
        let excluded = try Pipeline().explain("mysql", request).get()
        #expect(!excluded.decision.included)
        #expect(excluded.text.contains("✗ target.family: mysql (profile: postgresql)"))
        #expect(throws: DiagnosticsError.self) { try Pipeline().explain("nope", request).get() }
    }
}
