import Foundation
import Testing
@testable import PreflightKit

/// The plan stage on a small knowledge base: the recommended strategy's procedure and nothing of the
/// others, cross-cutting steps by phase, the clocks, one point of no return, NO-GO reasons, and the
/// documents that show it.
@Suite("Plan stage")
struct PlanTests {
    static func step(_ id: String, _ phase: String, _ estimate: String, gate: Bool = false, extra: String = "") -> String {
        "---\nid: \(id)\nkind: step\ntitle: Step \(id)\nphase: \(phase)\nowner: dba\nestimate: \(estimate)\(gate ? "\ngate: true" : "")\n\(extra)---\nDo \(id).\n"
    }

    static let site: [String: String] = FixtureSite.basics.merging([
        "Content/strategies/fast.md": """
        ---
        id: strategy-fast
        kind: strategy
        title: The fast way
        when: { source.engine: postgresql }
        downtime: 10m
        rpo: 0
        procedure:
          prepare: [{ step: prep-sync, before: 7d }]
          cutover: [freeze, copy, switch]
          point_of_no_return: switch
          rollback: [back, { step: review, off_clock: true }]
          after: [cleanup]
        ---
        Fast.
        """,
        "Content/strategies/slow.md": """
        ---
        id: strategy-slow
        kind: strategy
        title: The slow way
        when: { source.engine: postgresql }
        requires: { tools: [pg_dump] }
        downtime: 10h
        rpo: 0
        procedure:
          cutover: [slow-copy]
        ---
        Slow.
        """,
        "Content/steps/prep-sync.md": step("prep-sync", "staging", "1h"),
        "Content/steps/freeze.md": step("freeze", "cutover", "2m"),
        "Content/steps/copy.md": step("copy", "cutover", "5m", gate: true),
        "Content/steps/switch.md": step("switch", "cutover", "1m"),
        "Content/steps/slow-copy.md": step("slow-copy", "cutover", "10h"),
        "Content/steps/back.md": step("back", "rollback", "20m"),
        "Content/steps/review.md": step("review", "rollback", "1h"),
        "Content/steps/cleanup.md": step("cleanup", "after-cutover", "10m"),
        "Content/steps/disk.md": step("disk", "plan", "5m", gate: true),
        "Content/profiles/demo.yml": """
        id: demo
        name: Demo
        source: { engine: postgresql, version: "12" }
        target: { engine: postgresql, version: "15" }
        window: { duration: 30m, starts: "2026-12-06T02:00", timezone: UTC }
        rollback: { max_duration: 15m, triggers: { replica_lag: 60s } }
        roles: [dba, devops, product-manager]
        """,
    ]) { _, new in new }

    func plan() throws -> (Plan, ContentSet) {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let (content, problems) = ContentLoader().load(from: site.content)
        try #require(!problems.hasErrors, "\(problems)")
        let (profile, _) = ProfileLoader(vocabulary: content.vocabulary).load(path: site.path("Content/profiles/demo.yml"))
        let selection = Selector().select(content, for: try #require(profile), readers: nil)
        return (Planner().plan(selection, content: content), content)
    }

    @Test func theCutoverIsTheRecommendedStrategysProcedure() throws {
        let (plan, content) = try plan()
        #expect(plan.strategy?.item.id == "strategy-fast")
        #expect(plan.choice?.contains("only strategy") == true, "the slow way does not fit the window: \(plan.choice ?? "")")
        #expect(plan.steps(in: .cutover).map(\.id) == ["freeze", "copy", "switch"])
        #expect(!plan.contains("slow-copy"), "no step of a strategy the plan does not follow")
        #expect(plan.steps.map(\.id).contains("disk"), "cross-cutting steps join by phase")
        #expect(plan.steps.filter(\.pointOfNoReturn).map(\.id) == ["switch"])
        #expect(plan.switchAt == .minutes(8))
        #expect(plan.steps.first { $0.id == "prep-sync" }?.due == TimeSpan(seconds: 7 * 86400))
        #expect(plan.steps(in: .cutover).map(\.number) == ["1", "2", "3"])
        #expect(plan.steps(in: .rollback).map(\.number) == ["R1", "R2"])
        #expect(PlanRules().check(plan, content: content).isEmpty)
    }

    @Test func theRollbackClockLeavesOffClockWorkOutAndSaysNoGoWhenOverItsLimit() throws {
        let (plan, _) = try plan()
        #expect(plan.rollback.total == .minutes(20), "the review is off the clock")
        #expect(plan.noGo.contains { $0.contains("rollback takes 20m") && $0.contains("15m") }, "\(plan.noGo)")
    }

    @Test func noStrategyFitsMeansNoCutoverAndTheNearestOptions() throws {
        let site = try FixtureSite(Self.site.merging(["Content/profiles/demo.yml": """
            id: demo
            source: { engine: postgresql, version: "12" }
            target: { engine: postgresql, version: "15" }
            window: { duration: 5m }
            """]) { _, new in new })
        defer { site.remove() }
        let (content, _) = ContentLoader().load(from: site.content)
        let (profile, _) = ProfileLoader(vocabulary: content.vocabulary).load(path: site.path("Content/profiles/demo.yml"))
        let plan = Planner().plan(Selector().select(content, for: try #require(profile)), content: content)
        #expect(plan.strategy == nil)
        #expect(plan.steps(in: .cutover).isEmpty && plan.steps(in: .rollback).isEmpty)
        #expect(plan.ruledOut.map(\.item.id) == ["strategy-fast", "strategy-slow"], "nearest first")
        #expect(plan.noGo.first?.contains("No strategy fits") == true)
    }

    @Test func theRulesCatchAStepOfAnotherStrategyAndAnUnavailableTool() throws {
        var (plan, content) = try plan()
        let foreign = try #require(content.itemsByID["slow-copy"])
        plan.steps.append(Plan.Step(item: foreign, phase: .cutover, number: "9", fromProcedure: false))
        var tool = Item(id: "tooling", kind: .step, title: "Use the tool", file: "x.md")
        tool.commands = [Command(title: nil, language: "shell", code: "pg_upgrade --check", when: .always)]
        plan.steps.append(Plan.Step(item: tool, phase: .plan, number: "P9", fromProcedure: false))
        plan.profile.values["tools.unavailable"] = .list(["pg_upgrade"])
        let codes = PlanRules().check(plan, content: content).map(\.code)
        #expect(codes.contains(.planForeignStep))
        #expect(codes.contains(.planUnavailableTool))

        // A closed inventory rules out a tool some strategy needs that it does not list; an open one does not.
        plan.steps.removeAll { $0.id == "slow-copy" }
        tool.commands = [Command(title: nil, language: "shell", code: "pg_dump -Fd -j 4", when: .always)]
        plan.steps[plan.steps.count - 1].item = tool
        plan.profile.values["tools.unavailable"] = nil
        plan.profile.values["tools.available"] = .list(["psql"])
        #expect(PlanRules().check(plan, content: content).isEmpty)
        plan.profile.values["tools.closed"] = .boolean(true)
        #expect(PlanRules().check(plan, content: content).map(\.code) == [.planUnavailableTool])
    }

    @Test func documentsShowTheOnePlan() throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let result = Pipeline().build(BuildRequest(base: site.content, outputRoot: site.output, cacheDirectory: site.cache))
        #expect(!result.failed, "\(result.diagnostics)")
        let runbook = try site.read("Output/demo/runbook.md"), checklist = try site.read("Output/demo/checklist.md")
        let overview = try site.read("Output/demo/README.md")
        #expect(runbook.contains("### 1. Step freeze") && runbook.contains("### 3. Step switch"))
        #expect(!runbook.contains("slow-copy") && !checklist.contains("slow-copy"))
        #expect(try site.read("Output/demo/preparation.md").contains("due T-7d · by Sun 29 Nov 2026"), "the weeks before, dated")
        // The same point of no return in every document.
        let moment = "step 3, Step switch, at T+0:08 (02:08)"
        for (name, text) in [("runbook", runbook), ("checklist", checklist), ("overview", overview)] {
            #expect(text.contains(moment), "\(name) states the point of no return as the others do")
        }
        for text in [runbook, checklist, overview] { #expect(text.contains("NO-GO")) }
        // One line per step in the checklist, linking to the runbook's text; thresholds only where they govern.
        #expect(checklist.contains("- [ ] **GO/NO-GO** **Step copy** — owner: DBA · T+0:02 → T+0:07 (02:02–02:07) · [details](runbook.md#step-copy)"))
        #expect(checklist.contains("[details](preparation.md#step-disk)"), "earlier steps link to the preparation")
        #expect(!checklist.contains("Do copy."))
        let disk = try #require(checklist.split(separator: "\n").first { $0.contains("**Step disk**") })
        #expect(!disk.contains("replica lag"), "a gate before the switch is not decided on the rollback triggers")
        #expect(try site.read("Output/demo/roles/product-manager.md").contains("Timeline of the cutover"))
        #expect(site.exists("Output/demo/wiki/Runbook.md") && site.exists("Output/demo/wiki/Risks.md"))
    }
}
