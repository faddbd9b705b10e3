import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightReview

/// `--format sarif`: a log code-scanning tools accept, with one result per failed criterion on its line.
@Suite("Review: SARIF")
struct ReviewSARIFTests {
    @Test func theLogHasTheRequiredSARIF210Fields() throws {
        let plan = "acme-placeholders.md"
        let request = BuildRequest(base: Repository.content,
                                   profilePaths: [Repository.content + "/profiles/acme-billing-pg12-to-15.yml"])
        let report = try Pipeline().review(planPath: ReviewCorpusTests.folder + "/" + plan, request).get()
        let object = try JSONSerialization.jsonObject(with: Data(report.sarif().utf8))
        let log = try #require(object as? [String: Any], "not a JSON object")
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "preflight")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == report.criteria.map(\.id))
        #expect(rules.allSatisfy { ($0["shortDescription"] as? [String: Any])?["text"] is String })

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let failed = report.criteria.filter { !$0.passed }
        #expect(!failed.isEmpty && results.count == failed.count, "one result per failed criterion")
        for (result, criterion) in zip(results, failed) {
            #expect(result["ruleId"] as? String == criterion.id)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == criterion.id, "ruleIndex points at the rule")
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == report.plan)
            let line = try #require((location["region"] as? [String: Any])?["startLine"] as? Int)
            #expect(line == max(criterion.line ?? 1, 1))
        }
        // The placeholder is reported on the code block that holds it (its opening fence).
        let placeholder = try #require(results.first { $0["ruleId"] as? String == "criterion-no-placeholders" })
        let region = ((placeholder["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
        #expect((region as? [String: Any])?["startLine"] as? Int == 13)
    }
}
