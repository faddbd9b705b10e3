import PreflightKit
import Foundation

/// Scores an AI-written plan against the criteria that apply to a profile.
public struct Reviewer: Sendable {
    public init() {}

    public struct Result: Sendable, Encodable {
        public var id: String
        public var title: String
        public var summary: String
        public var weight: Int
        public var passed: Bool
        public var evidence: String
        public var line: Int?
    }

    public struct Report: Sendable, Encodable {
        public var plan: String
        public var profile: String
        /// 0–100: the passed criteria's share of the applicable weight.
        public var score: Int
        public var passed: Int
        public var total: Int
        public var criteria: [Result]
    }

    /// Reads the plan by its extension (`.html`/`.htm` through libxml2, anything else as Markdown).
    public static func parse(_ text: String, file: String) -> PlanDocument {
        let lower = file.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
            ? HTMLPlanParser.parse(text, file: file) : MarkdownPlanParser.parse(text, file: file)
    }

    /// Scores `plan`; `catalogs` (by engine family) date the names `catalog-versions` checks, and load
    /// from the `catalog/` folder of each content layer when not given, a higher layer's catalog of an
    /// engine replacing a lower one's.
    public func review(_ plan: PlanDocument, profile: Profile, content: ContentSet,
                       catalogs: [String: VersionCatalog]? = nil) -> Report {
        let catalogs = catalogs ?? content.layers.folders.reduce(into: [:]) { catalogs, folder in
            catalogs.merge(VersionCatalog.load(folder: folder + "/catalog")) { _, higher in higher }
        }
        let evaluator = ConditionEvaluator(profile: profile)
        let criteria = content.items.filter { $0.kind == .criterion && evaluator.evaluate($0.when) }
            .sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        // Criteria are independent of one another: side by side on the cores, in their order.
        let results = parallelMap(criteria) { item -> Result in
            let spec: [String: YAMLValue]
            if case .map(let map)? = item.extras["check"] { spec = map } else { spec = [:] }
            let outcome = CriterionCheck(spec: spec, profile: profile, vocabulary: content.vocabulary, catalogs: catalogs)
                .run(on: plan)
            let weight = item.extras["weight"]?.string.flatMap { Int($0) } ?? 1
            return Result(id: item.id, title: item.title, summary: item.summary ?? "", weight: weight, passed: outcome.passed, evidence: outcome.evidence,
                          line: outcome.line)
        }
        let total = results.reduce(0) { $0 + $1.weight }
        let earned = results.filter(\.passed).reduce(0) { $0 + $1.weight }
        let score = total == 0 ? 100 : Int((Double(earned) * 100 / Double(total)).rounded())
        return Report(plan: plan.file, profile: profile.id, score: score, passed: results.filter(\.passed).count,
                      total: results.count, criteria: results)
    }
}

extension Reviewer.Report {
    /// The report for a terminal: one line per criterion, failures first, with the evidence.
    public func text(colour: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines = ["Review of \(plan) for profile \(profile): \(paint("\(score)/100", score >= 80 ? "1;32" : (score >= 50 ? "1;33" : "1;31"))) (\(passed) of \(total) criteria passed)", ""]
        for result in criteria.sorted(by: { ($0.passed ? 1 : 0, $0.id) < ($1.passed ? 1 : 0, $1.id) }) {
            let mark = result.passed ? paint("✓", "32") : paint("✗", "31")
            let location = result.line.map { " (line \($0))" } ?? ""
            lines.append("  \(mark) \(result.title) [weight \(result.weight)]")
            lines.append("      \(result.evidence)\(location)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }
}
