/// The pre-cutover checklist: the selected steps grouped by phase, then a sign-off block.
public struct ChecklistBuilder: Sendable {
    public init() {}

    public func build(_ plan: Plan, renderer: BodyRenderer, readers: [Role], path: String = "checklist",
                      formats: Set<Document.Format> = [.markdown, .html]) -> Document {
        let profile = plan.profile
        let evaluator = ConditionEvaluator(profile: profile)
        var sections: [Section] = []
        if !plan.noGo.isEmpty {
            sections.append(Section(id: "no-go", title: "NO-GO as planned", blocks: [.markdown(
                plan.noGo.map { "- **\($0)**" }.joined(separator: "\n") + "\n\nThe [runbook](runbook.html) says what to change.")]))
        }
        if let measured = profile.measured {
            let placed = Set(plan.steps.map(\.id))
            let elsewhere = measured.findings.filter { !placed.contains($0.step) }
            if !elsewhere.isEmpty {
                sections.append(Section(id: "measured", title: "Measured on the source", blocks: [.markdown(
                    elsewhere.map { "- " + ProfileSummary.escape(PlanRendering.line($0, measured)) }.joined(separator: "\n"))]))
            }
        }
        // One line for the migration: the full table is on the overview, and the checklist is printed.
        sections.append(Section(id: "environment", title: "This migration", blocks: [
            .markdown(ProfileSummary.line(profile, vocabulary: renderer.vocabulary)),
        ]))
        if let strategy = plan.strategy {
            var line = "Strategy: **\(ProfileSummary.escape(strategy.item.title))**."
            if let moment = PlanRendering.switchMoment(plan) { line += " Point of no return: \(moment)." }
            sections[sections.count - 1].blocks.append(.markdown(line))
        }
        for phase in Phase.allCases {
            // The plan is every reader's; the checklist holds the steps of this audience.
            let inPhase = plan.steps(in: phase).filter { step in step.item.roles.isEmpty || step.item.roles.contains { readers.contains($0) } }
            guard !inPhase.isEmpty else { continue }
            let tasks = inPhase.map { step -> Block in
                var task = PlanRendering.task(step, plan: plan, renderer: renderer, evaluator: evaluator)
                // One line per step: the runbook numbers the steps and holds their text and commands.
                task.link = RunbookBuilder.document(of: step.phase) + ".html#step-" + step.id
                task.estimate = nil
                task.number = nil
                task.body = ""
                task.commands = []
                return .task(task)
            }
            sections.append(Section(id: phase.rawValue, title: phase.title, blocks: tasks))
        }
        if !plan.steps(in: .cutover).isEmpty {
            var line = "Cutover steps add up to **\(plan.cutover.total)**"
            if plan.cutover.unknown > 0 {
                line += " plus \(plan.cutover.unknown) step(s) whose time depends on fields the profile does not state"
            }
            if let window = profile.duration("window.duration") {
                line += plan.cutover.total <= window ? ", inside the \(window) window." : ", **over the \(window) window**."
            } else {
                line += "; the profile states no window to compare with."
            }
            let index = sections.firstIndex { $0.id == "environment" }!
            sections[index].blocks.append(.markdown(line))
        }
        sections.append(Section(id: "sign-off", title: "Sign-off", blocks: [.markdown(Self.signOff(readers))]))
        return Document(path: path, title: "Pre-cutover checklist — \(profile.name)",
                        summary: renderer.strings.summary(of: "checklist"),
                        sections: sections, formats: formats)
    }

    static func signOff(_ readers: [Role]) -> String {
        var lines = ["| Role | Name | Signature | Date and time |", "| --- | --- | --- | --- |"]
        let roles = readers.filter { $0 != .customerSuccess && $0 != .researcher }
        for role in roles.isEmpty ? [.engineer, .dba] : roles {
            lines.append("| \(role.title) |   |   |   |")
        }
        return lines.joined(separator: "\n")
    }
}
