import Foundation
import Testing
@testable import PreflightKit
@testable import PreflightReview

@Suite("Review: reading plans")
struct PlanReadingTests {
    @Test(arguments: [
        ("## 5. Rollback plan", ["rollback plan"], true),
        ("Plan for roll-back", ["rollback plan"], true),
        ("Step 3 — Back-out procedure", ["back out"], true),
        ("Part IV: Verification queries", ["verification query"], true),
        ("1) Pre-flight checklist", ["preflight checklist"], true),
        ("Risks and mitigations", ["rollback"], false),
        ("Rolling restart", ["rollback"], false),
    ])
    func headingsMatchByMeaning(heading: String, synonyms: [String], expected: Bool) {
        #expect(HeadingMatcher.matches(heading, synonyms: synonyms) == expected)
    }

    @Test func markdownSectionsNestAndFindCodeInLists() {
        let plan = MarkdownPlanParser.parse("""
        Cutover
        =======

        1. Freeze writes:
           ```sql
           ALTER DATABASE billing SET default_transaction_read_only = on;
           ```
        2. Switch.

        **Rollback plan**

        | Trigger | Threshold |
        | --- | --- |
        | lag | 60 s |

        ### Notes
        text
        """, file: "p.md")
        let sections = plan.sections
        #expect(sections.map(\.heading) == ["Cutover", "Rollback plan", "Notes"])
        #expect(sections[0].level == 1 && sections[0].blocks.contains { $0.kind == .list })
        #expect(plan.codeBlocks.count == 1)
        #expect(plan.codeBlocks.first?.text.contains("default_transaction_read_only") == true)
        #expect(sections[1].blocks.first?.kind == .table)
        #expect(sections[1].blocks.first?.rows.last == "| lag | 60 s |")
        #expect(sections[0].line == 1)
    }

    /// Sections are found in one pass and a matching title that only contains other matches is left
    /// out by comparing block positions; the nesting must come out as the pairwise test had it.
    @Test func aTitleSpanningMatchingSectionsGivesWayToThem() throws {
        let plan = MarkdownPlanParser.parse("""
        # Cutover plan
        ## Cutover commands
        one
        ### Notes
        two
        ## Cutover checks
        three
        # Rollback
        ## Cutover recap
        four
        """, file: "p.md")
        #expect(plan.sections.map(\.blocks.count) == [6, 3, 1, 1, 2, 1])
        let vocabulary = ContentLoader().load(from: Repository.content).0.vocabulary
        let profile = try #require(ProfileLoader(vocabulary: vocabulary)
            .load(path: Repository.content + "/profiles/acme-billing-pg12-to-15.yml").0)
        let check = CriterionCheck(spec: ["synonyms": .scalar("cutover")], profile: profile, vocabulary: vocabulary)
        #expect(check.sections(plan, "synonyms").map(\.heading) == ["Cutover commands", "Cutover checks", "Cutover recap"])
    }

    @Test func htmlPlansReadLikeMarkdownOnes() {
        let plan = HTMLPlanParser.parse("""
        <html><body>
        <h2>Cutover runbook</h2>
        <ol><li>Freeze<pre><code class="language-sql">SELECT 1;</code></pre></li><li>Switch</li></ol>
        <p><strong>Rollback</strong></p>
        <table><tr><th>Risk</th><th>Mitigation</th></tr><tr><td>Lag</td><td>Wait</td></tr></table>
        </body></html>
        """, file: "p.html")
        #expect(plan.sections.map(\.heading) == ["Cutover runbook", "Rollback"])
        #expect(plan.codeBlocks.map(\.text) == ["SELECT 1;"])
        #expect(plan.sections[1].blocks.first?.rows == ["| Risk | Mitigation |", "| Lag | Wait |"])
        #expect(HTMLPlanParser.parse("", file: "empty.html").blocks.isEmpty)
    }
}

/// The corpus: plans written to pass or fail specific criteria, with the results a careful reviewer expects.
@Suite("Review: plan corpus")
struct ReviewCorpusTests {
    struct Expectation: Decodable {
        var profile: String
        var pass: Judgements
        var fail: Judgements
    }

    /// Criterion ids, written as a list or, for the plans a human judged criterion by criterion, as a map
    /// from each id to the reason a reviewer gives.
    struct Judgements: Decodable {
        var reasons: [String: String]
        var hasReasons: Bool

        var ids: [String] { reasons.keys.sorted() }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) {
                reasons = Dictionary(uniqueKeysWithValues: list.map { ($0, "") })
                hasReasons = false
            } else {
                reasons = try container.decode([String: String].self)
                hasReasons = true
            }
        }
    }

    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/plans").path

    static var plans: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.sorted()
    }

    @Test func theCorpusIsLargeAndVaried() {
        #expect(Self.plans.count >= 12)
        #expect(Self.plans.contains { $0.hasSuffix(".html") })
    }

    @Test(arguments: plans)
    func planGetsTheExpectedResults(plan: String) throws {
        let base = (plan as NSString).deletingPathExtension
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + base + ".expected.json"))
        let expected = try JSONDecoder().decode(Expectation.self, from: data)
        let request = BuildRequest(base: Repository.content,
                                   profilePaths: [Repository.content + "/profiles/" + expected.profile])
        let report = try Pipeline().review(planPath: Self.folder + "/" + plan, request).get()
        let results = Dictionary(uniqueKeysWithValues: report.criteria.map { ($0.id, $0) })
        for id in expected.pass.ids {
            let result = try #require(results[id], "\(plan): \(id) does not apply to \(expected.profile)")
            #expect(result.passed, "\(plan): \(id) should pass — \(result.evidence)")
        }
        for id in expected.fail.ids {
            let result = try #require(results[id], "\(plan): \(id) does not apply to \(expected.profile)")
            #expect(!result.passed, "\(plan): \(id) should fail — \(result.evidence)")
        }
    }
}

/// Plans written to exhaust the reader: nesting is walked by cmark's iterator, not by recursion.
@Suite("Review: hostile plans")
struct HostilePlanTests {
    @Test(arguments: [String(repeating: ">", count: 100_000) + " deep", String(repeating: "- ", count: 50_000) + "deep"])
    func deeplyNestedPlansAreReadWithoutExhaustingTheStack(_ markdown: String) {
        let plan = MarkdownPlanParser.parse(markdown, file: "plan.md")
        #expect(plan.blocks.contains { $0.text.contains("deep") })
    }
}
