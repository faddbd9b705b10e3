import Foundation
@testable import PreflightKit
@testable import PreflightReview

/// Makes worse versions of a good plan, one kind of damage at a time, to prove the review notices.
///
/// Operators work on the parsed plan (blocks, list rows, sentences), so the same damage applies to a
/// Markdown and an HTML plan. An operator returns nil when the plan has nothing it could damage.
struct ReviewMutator {
    struct Operator: Sendable {
        var name: String
        var apply: @Sendable (PlanDocument, ReviewMutator) -> PlanDocument?
    }

    var profile: Profile
    var vocabulary: Vocabulary
    var catalogs: [String: VersionCatalog]

    // Headings a plan gives its sections; the mutator's own lists, independent of the criteria's.
    static let rollback = ["rollback", "roll back", "back out", "backout", "fallback", "revert", "failback", "contingency plan",
                           "abort plan", "recovery plan"]
    static let cutover = ["cutover", "cut-over", "switchover", "switch-over", "go-live", "migration commands", "promotion"]
    static let verification = ["verification", "validation", "sanity check", "health check", "smoke test", "reconciliation",
                               "data check", "consistency check", "post-cutover check", "acceptance check"]
    static let steps = ["step-by-step plan", "migration plan", "plan of record", "runbook", "migration steps", "phases",
                        "timeline", "order of operations", "high-level plan", "execution plan"]
    static let preflight = ["pre-flight checklist", "preflight checklist", "pre-migration checklist", "pre-cutover checklist",
                            "readiness", "prerequisites", "preparation", "checklist", "before you start"]
    static let communication = ["customer communication", "communication", "communications", "comms", "customer notice",
                                "status page", "notifications"]

    /// The blocks of every section whose heading matches, with the heading itself.
    func sectionRanges(_ plan: PlanDocument, _ synonyms: [String]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, block) in plan.blocks.enumerated() {
            guard case .heading(let level) = block.kind, HeadingMatcher.matches(block.text, synonyms: synonyms),
                  !ranges.contains(where: { $0.contains(index) }) else { continue }
            var end = index + 1
            while end < plan.blocks.count {
                if case .heading(let other) = plan.blocks[end].kind, other <= level { break }
                end += 1
            }
            ranges.append(index..<end)
        }
        return ranges
    }

    /// A block with its text (and each row) rewritten.
    static func rewrite(_ block: PlanDocument.Block, _ change: (String) -> String) -> PlanDocument.Block {
        var copy = block
        if block.rows.isEmpty {
            copy.text = change(block.text)
        } else {
            copy.rows = block.rows.map(change)
            copy.text = copy.rows.joined(separator: "\n")
        }
        return copy
    }

    /// The plan with `change` applied to the blocks at `indices` (every block when nil); nil when nothing changed.
    static func rewriting(_ plan: PlanDocument, in indices: [Int]? = nil, code: Bool = false,
                          _ change: (String) -> String) -> PlanDocument? {
        var copy = plan
        for index in indices ?? Array(plan.blocks.indices) where code || !plan.blocks[index].kind.isCode {
            copy.blocks[index] = rewrite(plan.blocks[index], change)
        }
        return copy.text == plan.text ? nil : copy
    }

    /// Drops the rows and sentences that `matches` (and blocks left empty); nil when nothing matched.
    static func dropping(_ plan: PlanDocument, in indices: [Int]? = nil, code: Bool = false,
                         where matches: (String) -> Bool) -> PlanDocument? {
        var copy = plan
        var removed = Set<Int>()
        for index in indices ?? Array(plan.blocks.indices) {
            let block = plan.blocks[index]
            if block.kind.isCode {
                guard code else { continue }
                let lines = block.text.split(separator: "\n", omittingEmptySubsequences: false).filter { !matches(String($0)) }
                copy.blocks[index].text = lines.joined(separator: "\n")
                if lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { removed.insert(index) }
            } else if !block.rows.isEmpty {
                copy.blocks[index].rows = block.rows.filter { !matches($0) }
                copy.blocks[index].text = copy.blocks[index].rows.joined(separator: "\n")
                if copy.blocks[index].rows.isEmpty { removed.insert(index) }
            } else if case .heading = block.kind {
                continue
            } else {
                let kept = PlanDocument.split(block.text).filter { !matches($0) }
                copy.blocks[index].text = kept.joined(separator: " ")
                if kept.isEmpty { removed.insert(index) }
            }
        }
        copy.blocks = copy.blocks.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        return copy.text == plan.text ? nil : copy
    }

    /// The plan with a paragraph (or code block) inserted after the heading of the first matching section.
    static func inserting(_ block: PlanDocument.Block, into plan: PlanDocument, after ranges: [Range<Int>]) -> PlanDocument {
        var copy = plan
        let at = ranges.first.map { $0.lowerBound + 1 } ?? copy.blocks.count
        var inserted = block
        inserted.line = at < plan.blocks.count ? plan.blocks[at].line : (plan.blocks.last?.line ?? 1)
        copy.blocks.insert(inserted, at: at)
        return copy
    }

    static func regex(_ pattern: String) -> Regex<AnyRegexOutput> {
        // The mutator's patterns are literals in this file: a typo should stop the test, not hide it.
        try! Regex(pattern)
    }

    /// Every operator applied to `plan`: the operator's name and the mutant, for the ones that apply.
    func mutants(of plan: PlanDocument) -> [(String, PlanDocument?)] {
        Self.operators.map { ($0.name, $0.apply(plan, self)) }
    }
}
