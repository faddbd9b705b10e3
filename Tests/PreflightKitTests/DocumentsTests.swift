import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightSiteCheck

/// The documents people hand around: runbook, notices and calendar, role views, site and search.
@Suite("Documents")
struct DocumentsTests {
    static let site: [String: String] = EndToEndTests.site.merging([
        "Content/profiles/demo.yml": """
        id: demo
        name: Demo — PostgreSQL 12 to 15
        source: { engine: postgres, version: "12.17" }
        target: { engine: postgresql, version: "15.5" }
        data: { size: 100 GB }
        topology: { replicas: 1, replication: streaming }
        window: { mode: read-only, duration: 20m, starts: "2026-12-06T02:00", timezone: America/New_York }
        rollback: { max_duration: 15m, triggers: { replica_lag: 60s, error_rate: 0.5% } }
        customers: { timezones: [America/New_York, Europe/Berlin, Asia/Kolkata], contact: "ops@example.com", product: "Demo; App, Inc. \\\\ EU" }
        """,
        "Content/steps/switch.md": """
        ---
        id: switch
        kind: step
        title: Switch the endpoint
        phase: cutover
        owner: devops
        estimate: 5m
        point_of_no_return: true
        order: 200
        ---
        Repoint.
        """,
        "Content/steps/back.md": """
        ---
        id: back
        kind: step
        title: Repoint at the source
        phase: rollback
        owner: devops
        estimate: 4m
        commands: [{ lang: sql, on: source, run: "SELECT 1;" }]
        ---
        Back.
        """,
        "Content/comms/email.md": """
        ---
        id: notice-email
        kind: notice
        title: Maintenance email
        channel: email
        subject: "{{customers.product}} maintenance"
        when: { window.starts: present }
        ---
        Dear customer, {{#schedule}}
        - {{zone}}: {{starts}}–{{ends}} ({{offset}}){{/schedule}}
        """,
    ]) { _, new in new }

    func build(_ files: [String: String] = Self.site) throws -> FixtureSite {
        let site = try FixtureSite(files)
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!result.failed, "\(result.diagnostics)")
        return site
    }

    @Test func runbookNumbersStepsAndRunsAClockAgainstTheWindow() throws {
        let site = try build()
        defer { site.remove() }
        let runbook = try site.read("Output/demo/runbook.md")
        // Cutover steps by order, then id: copy (100 GB at 100 GB/h = 1h), replica lag (3m), switch (5m).
        #expect(runbook.contains("### 1. Copy the data"))
        #expect(runbook.contains("**T+0:00 → T+1:00 (02:00–03:00)** · 1h (100 GB at 100 GB/h) · owner: DBA · **ends after the window closes**"))
        #expect(runbook.contains("### 2. Check replica lag"))
        #expect(runbook.contains("**T+1:00 → T+1:03 (03:00–03:03)**"))
        #expect(runbook.contains("### 3. Switch the endpoint"))
        #expect(runbook.contains("> **Point of no return.**"))
        #expect(runbook.contains("| Slack | **48m over the window** |"))
        #expect(runbook.contains("| Latest start of a rollback | T+0:05 |"))
        #expect(runbook.contains("### R1. Repoint at the source"))
        #expect(runbook.contains("No-go or roll back on replica lag above 1m, error rate above 0.5%."))
        #expect(runbook.contains("**Warning:** the rollback has fewer steps (1) than the cutover (3)"))
        let html = try site.read("Output/demo/runbook.html")
        #expect(html.contains("class=\"task overflow\""), "the copy ends after the window")
        #expect(html.contains("class=\"task gate overflow\""), "the lag check is a gate, also past the window")
        #expect(html.contains("class=\"ponr\""))
    }

    @Test func noticesShowTheWindowInEveryCustomerTimeZone() throws {
        let site = try build()
        defer { site.remove() }
        let email = try site.read("Output/demo/comms/notice-email.md")
        // The title is plain text: its backslash is escaped, so Markdown shows exactly one.
        #expect(email.hasPrefix("# Demo; App, Inc. \\\\ EU maintenance"))
        #expect(email.contains("America/New_York: Sun 6 Dec 2026, 02:00–02:20 (UTC−05:00)"))
        #expect(email.contains("Europe/Berlin: Sun 6 Dec 2026, 08:00–08:20 (UTC+01:00)"))
        #expect(email.contains("Asia/Kolkata: Sun 6 Dec 2026, 12:30–12:50 (UTC+05:30)"))
        let page = try site.read("Output/demo/comms/index.html")
        #expect(page.contains("maintenance.ics"))
    }

    @Test func calendarFollowsRFC5545() throws {
        let site = try build()
        defer { site.remove() }
        let ics = try site.read("Output/demo/comms/maintenance.ics")
        #expect(ics.contains("UID:maintenance-\(ContentHash("demo"))@preflight\r\n"), "a stable UID that names no engine")
        #expect(ics.contains("DTSTART:20261206T070000Z\r\n"))
        #expect(ics.contains("DTEND:20261206T072000Z\r\n"))
        #expect(ics.contains("DTSTAMP:20261206T070000Z\r\n"), "no SOURCE_DATE_EPOCH: stamped with the window start")
        // The product name as the profile writes it, with `;`, `,` and `\`, escaped where the event shows it.
        #expect(ics.contains("SUMMARY:Demo\\; App\\, Inc. \\\\ EU scheduled maintenance\r\n"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Scheduled database maintenance for Demo\\; App\\, Inc. \\\\ EU."))
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func calendarFoldingKeepsMultibyteCharactersWhole() {
        let line = "DESCRIPTION:" + String(repeating: "é", count: 80)
        let folded = ICalendar.fold(line)
        for piece in folded.components(separatedBy: "\r\n") {
            #expect(piece.utf8.count <= 75)
        }
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendar.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
    }

    @Test func stampComesFromSourceDateEpochWhenSet() throws {
        let content = ContentSet(root: ".", items: [], vocabulary: Vocabulary(), theme: Theme(), profilePaths: [])
        var profile = Profile(id: "p", name: "P", origin: "p.yml")
        profile.values["window.starts"] = .text("2026-12-06T02:00")
        profile.values["window.timezone"] = .text("UTC")
        profile.values["window.duration"] = .duration(.minutes(30))
        let selection = Selector().select(content, for: profile)
        let plan = Planner().plan(selection, content: content)
        let assembly = Assembler(sourceDate: Date(timeIntervalSince1970: 1_700_000_000))
            .assemble(plan, selection: selection, content: content)
        let ics = try #require(assembly.files.first { $0.path == "comms/maintenance.ics" })
        #expect(String(decoding: ics.bytes, as: UTF8.self).contains("DTSTAMP:20231114T221320Z"))
    }

    @Test func everyRoleGetsAViewAndCustomerSuccessSeesNoCode() throws {
        let site = try build()
        defer { site.remove() }
        for role in Role.allCases {
            #expect(site.exists("Output/demo/roles/\(role.rawValue).html"))
            #expect(site.exists("Output/demo/roles/\(role.rawValue).md"))
        }
        let customer = try site.read("Output/demo/roles/customer-success.html")
        #expect(!customer.contains("<pre"))
        #expect(!customer.contains("<code"))
        #expect(customer.contains("Europe/Berlin"))
        // A reader's steps are one line each, linking to their commands in the runbook.
        let devops = try site.read("Output/demo/roles/devops.html")
        #expect(devops.contains("href=\"../runbook.html#step-replica-lag\""))
        #expect(!devops.contains("SELECT replay_lag FROM pg_stat_replication;"))
        #expect(try site.read("Output/demo/runbook.html").contains("SELECT replay_lag FROM pg_stat_replication;"))
        let manager = try site.read("Output/demo/roles/product-manager.md")
        #expect(manager.contains("Go/no-go decision points"))
        #expect(!manager.contains("```"))
    }

    @Test func siteIndexListsEveryProfileAndSearchWorksOffline() throws {
        var files = Self.site
        files["Content/profiles/second.yml"] = "id: second\nname: Second\nsource: { engine: mysql }\ntarget: { engine: mysql }\n"
        let site = try build(files)
        defer { site.remove() }
        let index = try site.read("Output/index.html")
        #expect(index.contains("href=\"demo/index.html\""))
        #expect(index.contains("href=\"second/index.html\""))
        let overview = try site.read("Output/demo/index.html")
        #expect(overview.contains("<script src=\"assets/search-index.js\"></script>"))
        #expect(overview.contains("Content-Security-Policy"))
        for resource in ["src=\"http", "href=\"http://", "url(http", "<link rel=\"stylesheet\" href=\"http"] {
            #expect(!overview.contains(resource), "no network resources: \(resource)")
        }
        let search = try site.read("Output/demo/assets/search-index.js")
        #expect(search.hasPrefix("window.PREFLIGHT_SEARCH = ["))
        #expect(search.contains("\"u\":\"runbook.html#step-switch\""))
        #expect(site.exists("Output/demo/README.md"))
        let readme = try site.read("Output/demo/README.md")
        #expect(readme.contains("(checklist.md)"), "Markdown links point at Markdown")
    }

    @Test func theBuiltSiteHasNoBrokenLinks() throws {
        let site = try build()
        defer { site.remove() }
        let (pages, links, broken) = LinkChecker().check(root: site.output)
        #expect(pages > 10 && links > 20)
        #expect(broken.isEmpty, "\(broken)")
    }
}

@Suite("Link checker")
struct LinkCheckerTests {
    @Test func findsMissingFilesAnchorsAndUnsafeSchemes() throws {
        let site = try FixtureSite([
            "site/a.html": """
            <html><body><h1 id="top">A</h1>
            <a href="b.html">ok</a> <a href="b.html#there">ok anchor</a> <a href="#top">self</a>
            <a href="missing.html">gone</a> <a href="b.html#nowhere">bad anchor</a>
            <a href="javascript:alert(1)">js</a> <a href="https://example.com/">external</a>
            <a href="../outside.html">escape</a>
            </body></html>
            """,
            "site/b.html": "<html><body><p id=\"there\">B</p></body></html>",
        ])
        defer { site.remove() }
        let (pages, _, broken) = LinkChecker().check(root: site.path("site"))
        #expect(pages == 2)
        #expect(Set(broken.map(\.link)) == ["missing.html", "b.html#nowhere", "javascript:alert(1)", "../outside.html"])
    }

    @Test func emptyAndMalformedPagesDoNotCrash() throws {
        let site = try FixtureSite(["site/empty.html": "", "site/junk.html": "<a href=x.html<<<>>\u{0}"])
        defer { site.remove() }
        let (_, _, broken) = LinkChecker().check(root: site.path("site"))
        #expect(broken.allSatisfy { $0.page == "junk.html" })
    }
}
