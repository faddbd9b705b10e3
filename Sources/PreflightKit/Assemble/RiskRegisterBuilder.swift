/// The risk register: every applicable mistake, engine note and troubleshooting entry of medium
/// severity or more, with likelihood, impact, mitigation and owner, and a likelihood × impact matrix.
public struct RiskRegisterBuilder: Sendable {
    public init() {}

    public struct Risk: Sendable {
        public var number: Int
        public var item: Item
        public var likelihood: Likelihood
        /// Why the likelihood is what it is, from the profile's facts.
        public var reason: String
        public var impact: Severity
        public var owner: Role?
        /// The plan's steps that mitigate it (the risk's related steps that the plan runs).
        public var mitigations: [Plan.Step] = []
    }

    static let kinds: Set<Kind> = [.mistake, .engineNote, .troubleshooting]

    /// The risks that apply, highest first: likelihood from the rules on the profile's facts (or the
    /// item's own), impact from its severity, and the plan steps that mitigate each.
    public func risks(_ selection: Selection, plan: Plan? = nil, rules: RiskRules = RiskRules(),
                      renderer: BodyRenderer? = nil) -> [Risk] {
        let evaluator = ConditionEvaluator(profile: selection.profile)
        let candidates = selection.decisions.filter(\.conditionHolds).map(\.item)
            .filter { Self.kinds.contains($0.kind) && ($0.severity ?? .low) >= .medium }
            .filter { item in !item.tags.contains { rules.notRisks.contains($0) } }
        let judged = candidates.map { item -> Risk in
            let rule = rules.rules.first { rule in rule.tags.contains { item.tags.contains($0) } && evaluator.evaluate(rule.when) }
            let likelihood = rule?.likelihood ?? item.likelihood ?? .low
            let reason = rule.map { renderer?.renderPlain($0.because) ?? $0.because }
                ?? (item.likelihood != nil ? "as the guidance rates it" : "nothing in the profile points to it")
            let mitigations = plan?.steps.filter { item.related.contains($0.id) } ?? []
            return Risk(number: 0, item: item, likelihood: likelihood, reason: reason, impact: item.severity ?? .medium,
                        owner: item.owner ?? item.roles.first, mitigations: mitigations)
        }.sorted { lhs, rhs in
            let a = (lhs.impact, lhs.likelihood), b = (rhs.impact, rhs.likelihood)
            return a != b ? (a.0, a.1) > (b.0, b.1) : lhs.item.id < rhs.item.id
        }
        return judged.enumerated().map { index, risk in
            var risk = risk
            risk.number = index + 1
            return risk
        }
    }

    /// - Parameter risks: `risks(_:plan:rules:renderer:)` of the profile.
    public func build(_ selection: Selection, risks: [Risk], renderer: BodyRenderer) -> Document {
        var rows = ["| # | Risk | Likelihood | Impact | Mitigation | Owner |", "| --- | --- | --- | --- | --- | --- |"]
        for risk in risks {
            let steps = risk.mitigations.map { "step [\($0.number)](\(RunbookBuilder.document(of: $0.phase)).html#step-\($0.id)): \(ProfileSummary.escape($0.item.title))" }
            let mitigation = steps.isEmpty ? risk.item.summary.map { ProfileSummary.escape(renderer.renderPlain($0)) } ?? "see the guidance"
                                           : steps.joined(separator: "; ")
            rows.append("| R\(risk.number) | \(ProfileSummary.escape(risk.item.title)) | \(risk.likelihood.rawValue): \(ProfileSummary.escape(risk.reason)) | \(risk.impact.rawValue) | \(mitigation) | \(risk.owner?.title ?? "—") |")
        }
        var sections: [Section] = []
        if risks.isEmpty {
            sections.append(Section(id: "register", title: "Register", blocks: [.markdown("_No risks of medium severity or more apply._")]))
        } else {
            sections.append(Section(id: "matrix", title: "Likelihood × impact", blocks: [
                .figure(svg: RiskMatrix(risks: risks.map { ($0.number, $0.likelihood, $0.impact) }).svg(),
                        caption: "Risks placed by likelihood and impact", file: "risk-matrix.svg"),
            ]))
            sections.append(Section(id: "register", title: "Register", blocks: [.markdown(rows.joined(separator: "\n"))]))
        }
        return Document(path: "risks", title: "Risk register — \(selection.profile.name)",
                        summary: renderer.strings.summary(of: "risks"),
                        sections: sections, formats: [.markdown, .html])
    }
}

/// A likelihood × impact grid with each risk's number in its cell.
struct RiskMatrix {
    var risks: [(number: Int, likelihood: Likelihood, impact: Severity)]

    func svg() -> String {
        let cell = 120.0, left = 90.0, top = 20.0
        let impacts = Severity.allCases, likelihoods = Likelihood.allCases.reversed()
        let width = left + cell * Double(impacts.count) + 10, height = top + 60 * Double(likelihoods.count) + 50
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"risk-matrix-title\">",
            "<title id=\"risk-matrix-title\">Risk matrix: \(risks.count) risks by likelihood and impact</title>",
        ]
        let colours = ["#ecfdf5", "#fef9c3", "#fed7aa", "#fecaca"]
        for (row, likelihood) in likelihoods.enumerated() {
            let y = top + 60 * Double(row)
            parts.append("<text x=\"\(SVG.number(left - 8))\" y=\"\(SVG.number(y + 34))\" font-size=\"12\" text-anchor=\"end\">\(likelihood.rawValue)</text>")
            for (column, impact) in impacts.enumerated() {
                let x = left + cell * Double(column)
                let score = min(column + (Likelihood.allCases.firstIndex(of: likelihood) ?? 0), colours.count - 1)
                parts.append("<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(cell - 2))\" height=\"58\" fill=\"\(colours[score])\" stroke=\"#999\"/>")
                let here = risks.filter { $0.likelihood == likelihood && $0.impact == impact }.map { "R\($0.number)" }
                if !here.isEmpty {
                    let label = SVG.clip(here.joined(separator: " "), 18)
                    parts.append("<text x=\"\(SVG.number(x + cell / 2))\" y=\"\(SVG.number(y + 34))\" font-size=\"12\" text-anchor=\"middle\">\(SVG.escape(label))</text>")
                }
            }
        }
        let axis = top + 60 * Double(likelihoods.count) + 16
        for (column, impact) in impacts.enumerated() {
            parts.append("<text x=\"\(SVG.number(left + cell * Double(column) + cell / 2))\" y=\"\(SVG.number(axis))\" font-size=\"12\" text-anchor=\"middle\">\(impact.rawValue)</text>")
        }
        parts.append("<text x=\"\(SVG.number(left + cell * 2))\" y=\"\(SVG.number(axis + 20))\" font-size=\"11\" text-anchor=\"middle\">impact →</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }
}
