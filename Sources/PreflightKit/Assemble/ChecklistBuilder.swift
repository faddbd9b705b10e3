/// The pre-cutover checklist: the selected steps grouped by phase, then a sign-off block.
///
/// The checklist is made once as data (`checklist`), and the site's page (`document`) and the
/// exports are views of it.
public struct ChecklistBuilder: Sendable {
    public init() {}

    public func build(_ plan: Plan, renderer: BodyRenderer, readers: [Role], path: String = "checklist",
                      formats: Set<Document.Format> = [.markdown, .html]) -> Document {
        document(checklist(plan, renderer: renderer, readers: readers), path: path, formats: formats)
    }

    /// The checklist of the plan for `readers`: their steps by phase, one line each.
    public func checklist(_ plan: Plan, renderer: BodyRenderer, readers: [Role]) -> Checklist {
        let profile = plan.profile
        let evaluator = ConditionEvaluator(profile: profile)
        var measured: [String] = []
        if let report = profile.measured {
            let placed = Set(plan.steps.map(\.id))
            measured = report.findings.filter { !placed.contains($0.step) }.map { PlanRendering.line($0, report) }
        }
        let groups = Phase.allCases.compactMap { phase -> Checklist.Group? in
            // The plan is every reader's; the checklist holds the steps of this audience.
            let inPhase = plan.steps(in: phase).filter { step in step.item.roles.isEmpty || step.item.roles.contains { readers.contains($0) } }
            guard !inPhase.isEmpty else { return nil }
            return Checklist.Group(phase: phase, steps: inPhase.map { step in
                var task = PlanRendering.task(step, plan: plan, renderer: renderer, evaluator: evaluator)
                // One line per step: the runbook numbers the steps and holds their text and commands.
                task.link = RunbookBuilder.document(of: step.phase) + ".html#step-" + step.id
                task.estimate = nil
                task.number = nil
                task.body = ""
                task.commands = []
                return task
            })
        }
        let cutover = plan.steps(in: .cutover).isEmpty ? nil
            : Checklist.CutoverTime(total: plan.cutover.total, unknown: plan.cutover.unknown, window: profile.duration("window.duration"))
        return Checklist(
            profileID: profile.id, profileName: profile.name, title: "Pre-cutover checklist — \(profile.name)",
            summary: renderer.strings.summary(of: "checklist"), noGo: plan.noGo, measured: measured,
            migration: ProfileSummary.plainLine(profile, vocabulary: renderer.vocabulary),
            facts: ProfileSummary.facts(profile, vocabulary: renderer.vocabulary),
            strategy: plan.strategy?.item.title, pointOfNoReturn: PlanRendering.pointOfNoReturn(plan), cutover: cutover,
            groups: groups, rollbackTriggers: StepRendering.thresholds(profile, strings: renderer.strings),
            rollbackTime: plan.rollback.total, rollbackLimit: profile.duration("rollback.max_duration"),
            signOff: Self.signers(readers))
    }

    /// The checklist as a page of the site. Without `links` nothing points at the other documents,
    /// for a copy that is read on its own.
    public func document(_ checklist: Checklist, path: String = "checklist",
                         formats: Set<Document.Format> = [.markdown, .html], links: Bool = true) -> Document {
        var sections: [Section] = []
        if !checklist.noGo.isEmpty {
            let pointer = links ? "The [runbook](runbook.html) says what to change." : "The runbook says what to change."
            sections.append(Section(id: "no-go", title: "NO-GO as planned", blocks: [.markdown(
                checklist.noGo.map { "- **\($0)**" }.joined(separator: "\n") + "\n\n" + pointer)]))
        }
        if !checklist.measured.isEmpty {
            sections.append(Section(id: "measured", title: "Measured on the source", blocks: [.markdown(
                checklist.measured.map { "- " + ProfileSummary.escape($0) }.joined(separator: "\n"))]))
        }
        // One line for the migration: the full table is on the overview, and the checklist is printed.
        var environment: [Block] = [.markdown(ProfileSummary.escape(checklist.migration))]
        if let strategy = checklist.strategy {
            var line = "Strategy: **\(ProfileSummary.escape(strategy))**."
            if let point = checklist.pointOfNoReturn { line += " Point of no return: \(point.text(escape: ProfileSummary.escape))." }
            environment.append(.markdown(line))
        }
        if let cutover = checklist.cutover { environment.append(.markdown(cutover.sentence { "**\($0)**" })) }
        sections.append(Section(id: "environment", title: "This migration", blocks: environment))
        for group in checklist.groups {
            sections.append(Section(id: group.phase.rawValue, title: group.phase.title, blocks: group.steps.map { step in
                var task = step
                if !links { (task.link, task.oneLine) = (nil, true) }
                return .task(task)
            }))
        }
        sections.append(Section(id: "sign-off", title: "Sign-off", blocks: [.markdown(Self.signOff(checklist.signOff))]))
        return Document(path: path, title: checklist.title, summary: checklist.summary, sections: sections, formats: formats)
    }

    /// Who signs: the readers who act on the night, or the engineer and the DBA when none of them does.
    static func signers(_ readers: [Role]) -> [Role] {
        let roles = readers.filter { $0 != .customerSuccess && $0 != .researcher }
        return roles.isEmpty ? [.engineer, .dba] : roles
    }

    static func signOff(_ roles: [Role]) -> String {
        var lines = ["| Role | Name | Signature | Date and time |", "| --- | --- | --- | --- |"]
        for role in roles { lines.append("| \(role.title) |   |   |   |") }
        return lines.joined(separator: "\n")
    }
}
