import Foundation
import Testing
@testable import PreflightKit

/// `build --findings`: what `inspect` found becomes evidence on the checklist, and rules strategies out.
@Suite struct FindingsBuildTests {
    static let profile = Repository.content + "/profiles/acme-billing-pg12-to-15.yml"

    static func findings(profile: String?) -> String {
        """
        {
          "measured_at": "2026-12-04T10:02:00Z",
          "source": { "address": "postgresql://app@db1:5432/billing", "version": "12.17" },
          \(profile.map { "\"profile\": \"\($0)\"," } ?? "")
          "facts": [],
          "skipped": [],
          "findings": [
            { "probe": "probe-pg-extensions-missing-on-target", "title": "Extensions the target does not offer",
              "severity": "high", "step": "step-inventory-extensions", "rules_out": [],
              "verdict": "install it on the target first", "message": "1 extension the target lacks: adminpack",
              "names": ["adminpack"], "details": [] },
            { "probe": "probe-pg-tables-without-pk", "title": "Tables without a primary key", "severity": "high",
              "step": "step-find-tables-without-pk", "rules_out": ["strategy-pg-logical-replication"],
              "verdict": "NO-GO for logical replication", "message": "3 tables without a primary key: a, b, c",
              "names": ["a", "b", "c"], "details": [] }
          ]
        }
        """
    }

    func build(findings: String) throws -> (FixtureSite, BuildResult) {
        let site = try FixtureSite(["findings.json": findings])
        var request = BuildRequest(base: Repository.content, profilePaths: [Self.profile], outputRoot: site.output,
                                   cacheDirectory: site.cache)
        request.findingsPath = site.path("findings.json")
        return (site, Pipeline().build(request))
    }

    @Test func evidenceOnTheChecklistAndStrategiesRuledOut() throws {
        let (site, result) = try build(findings: Self.findings(profile: "acme-billing-pg12-to-15"))
        defer { site.remove() }
        #expect(!result.failed, "\(result.diagnostics)")
        let checklist = try site.read("Output/acme-billing-pg12-to-15/checklist.md")
        let lines = checklist.components(separatedBy: "\n")
        let step = try #require(lines.firstIndex { $0.contains("Inventory extensions") })
        let evidence = try #require(lines.firstIndex { $0.contains("measured 2026-12-04 10:02 UTC: 1 extension the target lacks: adminpack") })
        #expect(evidence > step && evidence < step + 4, "the evidence follows its step's line")
        #expect(lines[evidence].contains("install it on the target first"))
        let html = try site.read("Output/acme-billing-pg12-to-15/checklist.html")
        #expect(html.contains(#"<p class="evidence">measured 2026-12-04 10:02 UTC: 1 extension the target lacks: adminpack"#))
        // Logical replication was the plan's choice; the finding rules it out with its evidence.
        let readme = try site.read("Output/acme-billing-pg12-to-15/README.md")
        #expect(readme.contains("ruled out by what was measured 2026-12-04 10:02 UTC: 3 tables without a primary key: a, b, c"))
        let (content, _) = Repository.loaded
        var loaded = try #require(ProfileLoader(vocabulary: content.vocabulary).load(path: Self.profile).0)
        #expect(Planner().plan(Selector().select(content, for: loaded, readers: nil), content: content).strategy?.item.id
                == "strategy-pg-logical-replication", "without the findings, logical replication is chosen")
        loaded.measured = try JSONDecoder().decode(InspectReport.self, from: Data(Self.findings(profile: nil).utf8))
        #expect(Planner().plan(Selector().select(content, for: loaded, readers: nil), content: content).strategy?.item.id
                != "strategy-pg-logical-replication")
    }

    @Test func findingsForAnotherProfileChangeNothingAndSaySo() throws {
        let (site, result) = try build(findings: Self.findings(profile: "some-other-database"))
        defer { site.remove() }
        #expect(result.diagnostics.contains { $0.code == .invalidFindings && $0.level == .warning })
        #expect(!(try site.read("Output/acme-billing-pg12-to-15/checklist.md")).contains("measured 2026-12-04"))
    }

    @Test func unreadableFindingsFailWithNothingWritten() throws {
        let (site, result) = try build(findings: #"{ "measured_at": "2026-12-04T10:02:00Z", "findings": 3 }"#)
        defer { site.remove() }
        #expect(result.failed)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .invalidFindings })
        #expect(diagnostic.level == .error)
        #expect(diagnostic.location.file.hasSuffix("findings.json"))
        #expect(!site.exists("Output/acme-billing-pg12-to-15/checklist.md"))
    }

    @Test func changedFindingsRebuildTheProfile() throws {
        let (site, first) = try build(findings: Self.findings(profile: nil))
        defer { site.remove() }
        #expect(!first.failed)
        var request = BuildRequest(base: Repository.content, profilePaths: [Self.profile], outputRoot: site.output,
                                   cacheDirectory: site.cache)
        request.findingsPath = site.path("findings.json")
        let again = Pipeline().build(request)
        #expect(again.upToDate || (!again.profiles.isEmpty && again.profiles.allSatisfy { $0.status == .upToDate }),
                "unchanged findings: nothing rebuilt")
        try site.write("findings.json", Self.findings(profile: nil).replacingOccurrences(of: "adminpack", with: "pgcrypto"))
        #expect(Pipeline().build(request).profiles.contains { $0.status == .built })
        #expect(try site.read("Output/acme-billing-pg12-to-15/checklist.md").contains("lacks: pgcrypto"))
    }
}
