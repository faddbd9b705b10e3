/// The pre-cutover checklist: the selected steps grouped by phase, then a sign-off block.
public struct ChecklistBuilder: Sendable {
    public init() {}

    public func build(_ selection: Selection, renderer: BodyRenderer, path: String = "checklist",
                      formats: Set<Document.Format> = [.markdown, .html]) -> Document {
        let profile = selection.profile
        let evaluator = ConditionEvaluator(profile: profile)
        let steps = selection.included.filter { $0.kind == .step }
        var sections: [Section] = [Section(id: "environment", title: "This migration", blocks: [
            .markdown(ProfileSummary.markdown(profile, vocabulary: renderer.vocabulary)),
        ])]
        var total = TimeSpan(seconds: 0)
        var unknown = 0
        for phase in Phase.allCases {
            let inPhase = steps.filter { $0.phase == phase }
            guard !inPhase.isEmpty else { continue }
            let tasks = inPhase.map { step -> Block in
                let time = step.estimate?.resolve(for: profile)
                if phase == .cutover {
                    if let time { total = total + time } else { unknown += 1 }
                }
                var task = StepRendering.task(step, renderer: renderer, evaluator: evaluator)
                // A printed checklist keeps the first paragraph; the runbook carries the full text.
                task.body = MarkdownText.firstParagraph(task.body)
                return .task(task)
            }
            sections.append(Section(id: phase.rawValue, title: phase.title, blocks: tasks))
        }
        if steps.contains(where: { $0.phase == .cutover }) {
            var line = "Cutover steps add up to **\(total)**"
            if unknown > 0 { line += " plus \(unknown) step(s) whose time depends on fields the profile does not state" }
            if let window = profile.duration("window.duration") {
                line += total <= window ? ", inside the \(window) window." : ", **over the \(window) window**."
            } else {
                line += "; the profile states no window to compare with."
            }
            sections[0].blocks.append(.markdown(line))
        }
        sections.append(Section(id: "sign-off", title: "Sign-off", blocks: [.markdown(Self.signOff(selection.readers))]))
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
