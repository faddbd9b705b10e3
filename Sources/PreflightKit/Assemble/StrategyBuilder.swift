/// The strategy advice for a profile: the overview's recommendation and the researcher's memo.
public struct StrategyBuilder: Sendable {
    public init() {}

    static func downtime(_ assessment: StrategyAssessment) -> String {
        guard let range = assessment.downtime else { return "depends on fields not stated" }
        return range.low == range.high ? range.high.description : "\(range.low)–\(range.high)"
    }

    static func rpo(_ assessment: StrategyAssessment) -> String {
        guard let rpo = assessment.rpo else { return "—" }
        return rpo.seconds == 0 ? "none" : "up to \(rpo)"
    }

    /// Recommendation and why, runners-up, the options for this migration that were ruled out with
    /// their reasons, and the upgrade path.
    public func advice(_ plan: Plan, vocabulary: Vocabulary) -> [Block] {
        let profile = plan.profile
        var text: [String] = []
        let eligible = plan.options.filter(\.eligible)
        if let best = plan.strategy {
            var line = "**Recommended: \(ProfileSummary.escape(best.item.title))** — downtime \(Self.downtime(best)), data loss \(Self.rpo(best))."
            if let summary = best.item.summary { line += " " + summary }
            text.append(line)
            if let choice = plan.choice { text.append("Why this one: \(choice)") }
            for caution in best.cautions { text.append("- Caution: \(caution)") }
        } else if !plan.ruledOut.isEmpty {
            text.append("**No strategy in the knowledge base fits every constraint of this profile.** The nearest options are below, each with what would have to change: a longer window, a tool, a relaxed objective. No cutover is planned until one of them is made to fit.")
        } else {
            text.append("_No strategies apply._")
        }
        if eligible.count > 1 {
            text.append("Runners-up:\n\n" + eligible.dropFirst().map {
                "- \(ProfileSummary.escape($0.item.title)) — downtime \(Self.downtime($0)), data loss \(Self.rpo($0))"
            }.joined(separator: "\n"))
        }
        if !plan.ruledOut.isEmpty {
            text.append((plan.strategy == nil ? "Nearest options and what each needs:" : "Ruled out:") + "\n\n" + plan.ruledOut.map {
                "- \(ProfileSummary.escape($0.item.title)): \($0.eliminations.joined(separator: "; "))"
            }.joined(separator: "\n"))
        }
        if let hops = UpgradePath.hops(for: profile, vocabulary: vocabulary), hops.count > 2 {
            let engine = profile.text("target.engine").map(vocabulary.displayName) ?? "The engine"
            text.append("**Upgrade path:** \(engine) upgrades one release series at a time: "
                + hops.map(\.description).joined(separator: " → ") + " (\(hops.count - 1) hops).")
        }
        return [.markdown(text.joined(separator: "\n\n"))]
    }

    /// The researcher's memo: every strategy side by side, with trade-offs, timings and sources.
    public func memo(_ plan: Plan, renderer: BodyRenderer) -> Document {
        let profile = plan.profile
        let assessments = plan.options
        var rows = ["| Strategy | Verdict | Downtime | Data loss | Needs |", "| --- | --- | --- | --- | --- |"]
        for assessment in assessments {
            let spec = assessment.item.strategy ?? StrategySpec()
            let needs = (spec.tools.map { "`\($0)`" } + (spec.anyTools.isEmpty ? [] : ["one of " + spec.anyTools.joined(separator: "/")])
                + spec.hosting.map { "hosting \($0)" }).joined(separator: ", ")
            rows.append("| \(ProfileSummary.escape(assessment.item.title)) | \(assessment.eligible ? "fits" : "ruled out") | \(Self.downtime(assessment)) | \(Self.rpo(assessment)) | \(needs.isEmpty ? "—" : needs) |")
        }
        var sections = [
            Section(id: "question", title: "Question", blocks: [.markdown(
                "Which way of moving \(profile.text("source.engine").map(renderer.vocabulary.displayName) ?? "the source") \(profile.version("source.version")?.description ?? "") to \(profile.text("target.engine").map(renderer.vocabulary.displayName) ?? "the target") \(profile.version("target.version")?.description ?? "") fits \(profile["data.size"].map { "\($0) of data" } ?? "this data set") \(profile.duration("window.duration").map { "within a \($0) window" } ?? "with no stated window")?"
            )]),
            Section(id: "comparison", title: "Comparison", blocks: [.markdown(assessments.isEmpty ? "_No strategies apply._" : rows.joined(separator: "\n"))]),
            Section(id: "advice", title: "Recommendation", blocks: advice(plan, vocabulary: renderer.vocabulary)),
        ]
        for assessment in assessments {
            let spec = assessment.item.strategy ?? StrategySpec()
            var parts: [String] = []
            if let estimate = spec.downtime { parts.append("**Downtime:** \(estimate.describe(for: profile)). **Data loss:** \(Self.rpo(assessment)).") }
            if !assessment.eligible { parts.append("**Ruled out:** " + assessment.eliminations.joined(separator: "; ") + ".") }
            for caution in assessment.cautions { parts.append("**Caution:** \(caution).") }
            if !spec.pros.isEmpty { parts.append("Strengths:\n\n" + spec.pros.map { "- \($0)" }.joined(separator: "\n")) }
            if !spec.cons.isEmpty { parts.append("Weaknesses:\n\n" + spec.cons.map { "- \($0)" }.joined(separator: "\n")) }
            sections.append(Section(id: assessment.item.id, title: assessment.item.title, blocks: [
                .markdown(parts.joined(separator: "\n\n")),
                .entry(GuidanceEntry(id: assessment.item.id + "-detail", title: "How it works", summary: assessment.item.summary,
                                     severity: nil, body: renderer.render(assessment.item.body).trimmingSpaces,
                                     sources: assessment.item.sources, related: [])),
            ]))
        }
        return Document(path: "memo", title: "Strategy memo — \(profile.name)",
                        summary: renderer.strings.summary(of: "memo"),
                        sections: sections, formats: [.markdown, .html])
    }
}
