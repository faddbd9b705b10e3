import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightSiteCheck

/// Strategy elimination and ranking, timing arithmetic, charts, profile lint and the tailored prompt.
@Suite("Migration intelligence")
struct AdvisorTests {
    static let strategies: [String: String] = [
        "Content/strategies/dump.md": """
        ---
        id: strategy-dump-restore
        kind: strategy
        title: Dump and restore
        when: { source.family: postgresql, target.family: postgresql }
        requires: { tools: [pg_dump] }
        downtime: { rate: 100 GB/h, of: data.size, plus: 5m }
        rpo: 0
        sources: [{ title: pg_dump, url: "https://www.postgresql.org/docs/current/app-pgdump.html" }]
        ---
        Stop writes, dump, restore.
        """,
        "Content/strategies/upgrade.md": """
        ---
        id: strategy-pg-upgrade
        kind: strategy
        title: pg_upgrade --link
        when: { source.family: postgresql, target.family: postgresql }
        requires: { tools: [pg_upgrade] }
        excludes:
          - { when: { target.hosting: rds }, reason: "Managed services do not let you run pg_upgrade." }
        downtime: 10m
        rpo: 0
        sources: [{ title: pg_upgrade, url: "https://www.postgresql.org/docs/current/pgupgrade.html" }]
        ---
        Link the data files.
        """,
        "Content/strategies/logical.md": """
        ---
        id: strategy-logical
        kind: strategy
        title: Logical replication
        when: { source.family: postgresql, target.family: postgresql }
        requires: { any_tools: [pglogical, pg_logical_native] }
        downtime: 2m
        rpo: 0
        sources: [{ title: Logical replication, url: "https://www.postgresql.org/docs/current/logical-replication.html" }]
        ---
        Replicate, then switch.
        """,
        "Content/strategies/mysql.md": """
        ---
        id: strategy-mysql-shell
        kind: strategy
        title: MySQL Shell dump and load
        when: { source.family: mysql }
        downtime: 1h
        rpo: 5m
        sources: [{ title: MySQL Shell, url: "https://dev.mysql.com/doc/mysql-shell/8.0/en/" }]
        ---
        Dump and load.
        """,
    ]

    func assess(_ profileYAML: String) throws -> [StrategyAssessment] {
        let site = try FixtureSite(FixtureSite.basics.merging(Self.strategies) { _, new in new }.merging(["p.yml": profileYAML]) { _, new in new })
        defer { site.remove() }
        let (content, problems) = ContentLoader().load(from: site.content)
        #expect(!problems.hasErrors, "\(problems)")
        let (profile, profileProblems) = ProfileLoader(vocabulary: content.vocabulary).load(path: site.path("p.yml"))
        return StrategyAdvisor().assess(content, for: try #require(profile, "\(profileProblems)"))
    }

    @Test func oneTerabyteAt100GBPerHourDoesNotFitATwentyMinuteWindow() throws {
        let result = try assess("""
        source: { engine: postgresql, version: "12" }
        target: { engine: postgresql, version: "15" }
        data: { size: 1 TB }
        window: { duration: 20m }
        tools: { available: [pg_dump, pglogical], unavailable: [pg_upgrade] }
        """)
        let dump = try #require(result.first { $0.item.id == "strategy-dump-restore" })
        #expect(!dump.eligible)
        #expect(dump.eliminations.contains { $0.contains("needs at least 10h5m of downtime") && $0.contains("the window is 20m") })
        let upgrade = try #require(result.first { $0.item.id == "strategy-pg-upgrade" })
        #expect(upgrade.eliminations == ["needs `pg_upgrade`, which the profile lists as unavailable"])
        #expect(result.first?.item.id == "strategy-logical", "the one strategy that fits is recommended first")
        let mysql = try #require(result.first { $0.item.id == "strategy-mysql-shell" })
        #expect(mysql.eliminations.first?.contains("`source.family: mysql` (profile: postgresql)") == true)
    }

    @Test func rankingPrefersLessDowntimeThenLessDataLoss() throws {
        let result = try assess("""
        source: { engine: postgresql, version: "12" }
        target: { engine: postgresql, version: "15" }
        data: { size: 10 GB }
        window: { duration: 2h }
        """)
        // Without a tool inventory nothing is ruled out for tools: logical (2m), pg_upgrade (10m),
        // then 10 GB dumped at 100 GB/h plus 5m (11m).
        #expect(result.filter(\.eligible).map(\.item.id) == ["strategy-logical", "strategy-pg-upgrade", "strategy-dump-restore"])
        #expect(result.first { $0.item.id == "strategy-dump-restore" }?.downtime?.high.seconds == 660)
    }

    @Test func managedHostingAndRPOEliminate() throws {
        let result = try assess("""
        source: { engine: mysql, version: "8.0" }
        target: { engine: mysql, version: "8.0", hosting: rds }
        objectives: { rpo: 0 }
        """)
        let shell = try #require(result.first { $0.item.id == "strategy-mysql-shell" })
        #expect(shell.eliminations == ["can lose up to 5m of committed data; the RPO is 0s"])
    }

    @Test func estimatesAreRangesCappedByHardware() throws {
        var profile = Profile(id: "p", name: "p", origin: "p")
        profile.values["data.size"] = .size(DataSize(bytes: 1e12))
        profile.values["hardware.disk_throughput"] = .throughput(Throughput(bytesPerSecond: 50e6))
        let estimate = Estimate(fixed: .minutes(10), fast: try Throughput.parse("400 GB/h").get(),
                                slow: try Throughput.parse("200 GB/h").get(), of: "data.size", bound: .io,
                                limit: "hardware.disk_throughput")
        let range = try #require(estimate.range(for: profile))
        // 50 MB/s is 180 GB/h, slower than both rates: the disk decides.
        #expect(range.low.seconds == 1e12 / 50e6 + 600)
        #expect(range.high == range.low)
        #expect(estimate.describe(for: profile).contains("I/O-bound"))
        #expect(estimate.describe(for: profile).contains("capped by hardware.disk_throughput"))
        profile.values["hardware.disk_throughput"] = nil
        let uncapped = try #require(estimate.range(for: profile))
        #expect(uncapped.low.seconds == 9000 + 600 && uncapped.high.seconds == 18000 + 600)
        #expect(estimate.describe(for: profile) == "2h40m–5h10m (1 TB at 200 GB/h–400 GB/h + 10m, I/O-bound)")
    }

    @Test func chartsAreWellFormedSVGWithEscapedText() {
        let chart = TimelineChart(bars: [
            .init(label: "Freeze <writes> & \"sessions\"", start: .minutes(0), end: .minutes(5), pointOfNoReturn: false),
            .init(label: "Switch", start: .minutes(5), end: .minutes(25), pointOfNoReturn: true),
        ], window: .minutes(20), title: "Timeline & more")
        let svg = chart.svg()
        #expect(XMLCheck.isWellFormed(svg))
        #expect(svg.contains("&lt;writes&gt; &amp; &quot;sessions&quot;"))
        #expect(svg.contains("fill=\"#b91c1c\""), "the step past the window is red")
        #expect(svg.contains("point of no return"))
        let matrix = RiskMatrix(risks: [(1, .high, .critical), (2, .low, .low)]).svg()
        #expect(XMLCheck.isWellFormed(matrix))
        #expect(matrix.contains(">R1<") && matrix.contains(">R2<"))
        #expect(!XMLCheck.isWellFormed("<svg><g></svg>"))
    }

    @Test func lintNamesEachMissingFieldAndWhatItLeftOut() throws {
        let site = try FixtureSite(FixtureSite.basics.merging([
            "Content/mistake.md": """
            ---
            id: mistake-no-window
            kind: mistake
            title: No downtime window
            when: { window.duration: absent }
            reviewed: 2026-11
            ---
            Say how long.
            """,
            "Content/tip.md": """
            ---
            id: tip-window-fits
            kind: tip
            title: Check the window
            when: { window.duration: "<1h" }
            reviewed: 2026-11
            ---
            Short windows need replication.
            """,
            "p.yml": "source: { engine: postgresql }\ntarget: { engine: postgresql }\ndata: { size: 1 TB }\n",
        ]) { _, new in new })
        defer { site.remove() }
        let (content, _) = ContentLoader().load(from: site.content)
        let (profile, _) = ProfileLoader(vocabulary: content.vocabulary).load(path: site.path("p.yml"))
        let warnings = ProfileLint().diagnostics(try #require(profile), content: content)
        #expect(warnings.count == 1)
        #expect(warnings.first?.code == DiagnosticCode.profileGap)
        #expect(warnings.first?.message == "the profile does not state `window.duration`: No downtime window; 1 item(s) that need it were left out (tip-window-fits)")
        #expect(warnings.first?.level == .warning)
        let check = Pipeline().check(BuildRequest(base: site.content, profilePaths: [site.path("p.yml")], strict: true))
        #expect(check.failed, "--strict fails on profile gaps")
        #expect(check.diagnostics.map(\.code) == [DiagnosticCode.profileGap], "the gap is the only reason")
    }
}
