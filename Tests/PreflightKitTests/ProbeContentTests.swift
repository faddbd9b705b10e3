import Foundation
import Testing
@testable import PreflightKit

/// Probes are content: `check` reads them, and refuses one it cannot run or that points nowhere.
@Suite struct ProbeContentTests {
    static let step = """
    ---
    id: step-find-tables-without-pk
    kind: step
    title: Find tables without a primary key
    phase: before-staging
    owner: dba
    estimate: 30m
    reviewed: 2026-11
    ---
    Give each table a key.
    """

    static let good = """
    id: probe-pg-no-pk
    engine: postgresql
    title: Tables without a primary key
    finding:
      severity: high
      step: step-find-tables-without-pk
      verdict: NO-GO for logical replication
      message: "{{count}} tables: {{names}}"
    queries:
      - source: ">=10 <16"
        target: ">=16"
        sql: SELECT 'a' AS name
      - source: ">=16"
        sql: SELECT 'b' AS name
    meaning: Logical replication needs a key to find the row an UPDATE changes.
    sources: [{ title: PostgreSQL docs, url: "https://www.postgresql.org/docs/18/logical-replication-publication.html" }]
    reviewed: 2026-12
    """

    func check(_ probe: String) throws -> [Diagnostic] {
        var files = FixtureSite.basics
        files["Content/steps/no-pk.md"] = Self.step
        files["Content/probes/postgresql/probe.yml"] = probe
        let site = try FixtureSite(files)
        defer { site.remove() }
        return Pipeline().check(BuildRequest(base: site.content, profilePaths: [])).diagnostics
            .filter { $0.location.file.hasSuffix("probe.yml") }
    }

    @Test func aWellFormedProbeLoadsAndPicksItsQueryByVersion() throws {
        #expect(try check(Self.good).isEmpty)
        var files = FixtureSite.basics
        files["Content/probes/postgresql/probe.yml"] = Self.good
        let site = try FixtureSite(files)
        defer { site.remove() }
        let (content, _) = ContentLoader().load(from: site.content)
        let probe = try #require(content.probes.first)
        #expect(probe.query(source: Version([15, 4]), target: Version([18]))?.sql == "SELECT 'a' AS name")
        #expect(probe.query(source: Version([15, 4]), target: Version([15, 9])) == nil, "the pair's entry needs a 16+ target")
        #expect(probe.query(source: Version([15, 4]), target: nil) == nil)
        #expect(probe.query(source: Version([18, 1]), target: nil)?.sql == "SELECT 'b' AS name")
        #expect(probe.query(source: Version([9, 6]), target: Version([18])) == nil)
    }

    @Test func mistakesArePositionedWithSuggestions() throws {
        let typo = try check(Self.good.replacingOccurrences(of: "meaning:", with: "meanig:"))
        #expect(typo.contains { $0.code == .unknownKey && $0.hint == "did you mean `meaning`?" && $0.location.line == 15 })
        let unknownStep = try check(Self.good.replacingOccurrences(of: "step: step-find-tables-without-pk", with: "step: step-find-tables-without-pks"))
        #expect(unknownStep.contains { $0.code == .probeReference && $0.hint == "did you mean `step-find-tables-without-pk`?" })
        let strategy = try check(Self.good.replacingOccurrences(of: "  verdict:", with: "  rules_out: [strategy-nope]\n  verdict:"))
        #expect(strategy.contains { $0.code == .probeReference && $0.message.contains("strategy-nope") })
        let range = try check(Self.good.replacingOccurrences(of: #"source: ">=16""#, with: #"source: "sixteen""#))
        #expect(range.contains { $0.code == .invalidProbe && $0.location.line == 13 })
        let severity = try check(Self.good.replacingOccurrences(of: "severity: high", with: "severity: hgih"))
        #expect(severity.contains { $0.code == .invalidValue && $0.hint == "did you mean `high`?" })
        let both = try check(Self.good.replacingOccurrences(of: "title: Tables", with: "measures: data.size\nunit: bytes\ntitle: Tables"))
        #expect(both.contains { $0.message.contains("not both") })
        let field = try check(Self.good.replacingOccurrences(of: "finding:\n  severity: high\n  step: step-find-tables-without-pk\n  verdict: NO-GO for logical replication\n  message: \"{{count}} tables: {{names}}\"",
                                                             with: "measures: data.sise\nunit: bytes"))
        #expect(field.contains { $0.code == .probeReference && $0.hint == "did you mean `data.size`?" })
        let unsourced = try check(Self.good.replacingOccurrences(of: #"sources: [{ title: PostgreSQL docs, url: "https://www.postgresql.org/docs/18/logical-replication-publication.html" }]"#, with: ""))
        #expect(unsourced.contains { $0.code == .factsWithoutSources })
    }

    @Test func theShippedProbesCoverWhatInspectPromises() throws {
        let (content, problems) = Repository.loaded
        #expect(problems.filter { $0.location.file.contains("/probes/") }.isEmpty)
        let measured = Set(content.probes.compactMap(\.measures))
        for field in ["source.version", "data.size", "data.tables", "data.largest_table", "topology.replicas", "extensions",
                      "long_transactions", "server.write_rate", "server.wal_level", "server.collation"] {
            #expect(measured.contains(field), "no probe measures \(field)")
        }
        #expect(content.probes.filter { $0.finding != nil }.count >= 12)
    }
}
