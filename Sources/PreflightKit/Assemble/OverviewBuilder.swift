/// The profile's front page (`index.html`, `README.md`): the environment, the documents, the risks
/// that matter most, and every reader's view.
public struct OverviewBuilder: Sendable {
    public init() {}

    /// What other builders worked out that the front page summarises.
    public struct Context: Sendable {
        public var strategy: [Block]
        /// What stops the plan as it stands; shown first.
        public var noGo: [String] = []
        /// The point of no return, as every document states it.
        public var switchMoment: String?
        public var timeline: TimelineChart?
        public var gaps: [ProfileLint.Gap]
        public var risks: [RiskRegisterBuilder.Risk]
    }

    public func build(_ selection: Selection, renderer: BodyRenderer, documents: [Document], schedule: Schedule?,
                      context: Context) -> Document {
        let profile = selection.profile
        var sections = [Section(id: "environment", title: "This migration", blocks: [
            .markdown(ProfileSummary.markdown(profile, vocabulary: renderer.vocabulary)),
        ])]
        if let schedule, let first = schedule.local.first {
            sections[0].blocks.append(.markdown("Window: \(first.starts)–\(first.ends) \(first.zone) (\(first.offset))."))
        }
        if !context.noGo.isEmpty {
            sections.insert(Section(id: "no-go", title: "NO-GO as planned", blocks: [.markdown(
                context.noGo.map { "- **\($0)**" }.joined(separator: "\n") + "\n\nThe [runbook](runbook.html) says what to change.")]),
                            at: 0)
        }
        var strategy = context.strategy
        if let moment = context.switchMoment { strategy.append(.markdown("Point of no return: \(moment).")) }
        sections.append(Section(id: "strategy", title: "Strategy", blocks: strategy))
        if let timeline = context.timeline {
            sections.append(Section(id: "timeline", title: "Cutover timeline", blocks: [
                .figure(svg: timeline.svg(id: "overview-timeline"), caption: "Cutover steps against the window", file: "timeline.svg"),
            ]))
        }
        if !context.gaps.isEmpty {
            let lines = context.gaps.map { gap in
                "- **\(gap.fields.map { "`\($0)`" }.joined(separator: ", ")) not stated** — \(ProfileSummary.escape(gap.mistake.title))"
                    + (gap.leftOut.isEmpty ? "" : "; \(gap.leftOut.count) item(s) that need it were left out")
            }
            sections.append(Section(id: "gaps", title: "Profile gaps", blocks: [.markdown(lines.joined(separator: "\n"))]))
        }
        let links: [(String, String, String)] = [
            ("Pre-cutover checklist", "checklist", "print it for the cutover night"),
            ("Preparation and follow-up", "preparation", "the weeks before the window and the days after it, with commands"),
            ("Cutover runbook", "runbook", "numbered steps, clock and rollback"),
            ("Risk register", "risks", "likelihood, impact, mitigation and owner, with the matrix"),
            ("Strategy memo", "memo", "the strategies compared, for researchers and reviewers"),
            ("AI prompt", "prompt", "the tailored prompt to paste into an assistant"),
            ("Rubric", "rubric", "how to judge the assistant's answer; `preflight review` scores it"),
            ("Customer notices", "comms/index", "email, status page, reminder, completed, rollback, calendar"),
        ]
        let available = Set(documents.map(\.path))
        var lines = links.filter { available.contains($0.1) }.map { "- [\($0.0)](\($0.1).html) — \($0.2)" }
        lines.append("- [Wiki pages](wiki/Home.md) — Markdown for a GitHub or GitLab wiki")
        lines.append("- [explain.json](explain.json) — why each item is in or out")
        sections.append(Section(id: "documents", title: "Documents", blocks: [.markdown(lines.joined(separator: "\n"))]))
        sections.append(Section(id: "readers", title: "Views by reader", blocks: [.markdown(
            Role.allCases.map { "- [\($0.title)](roles/\($0.rawValue).html)" }.joined(separator: "\n"))]))
        let top = context.risks.prefix(6)
        if !top.isEmpty {
            let rows = top.map { risk in
                "- **R\(risk.number) · \(risk.impact.rawValue)** — \(ProfileSummary.escape(risk.item.title))"
                    + (risk.item.summary.map { ": " + renderer.render($0) } ?? "")
            }
            sections.append(Section(id: "risks", title: "Top risks", blocks: [
                .markdown(rows.joined(separator: "\n") + "\n\nThe whole [risk register](risks.html) has \(context.risks.count) entries."),
            ]))
        }
        let counts = Kind.allCases.compactMap { kind -> String? in
            let count = selection.included.filter { $0.kind == kind }.count
            return count > 0 ? "\(renderer.strings.title(of: kind)): \(count)" : nil
        }
        let excluded = selection.decisions.count - selection.included.count
        sections.append(Section(id: "selection", title: "What was selected", blocks: [.markdown(
            counts.joined(separator: " · ") + "\n\n\(excluded) items do not apply to this profile or its readers; `preflight explain ID --profile FILE` says why."
        )]))
        return Document(path: "index", title: profile.name, summary: renderer.strings.summary(of: "index"),
                        sections: sections, formats: [.html, .markdown])
    }
}
