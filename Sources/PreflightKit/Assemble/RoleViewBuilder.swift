/// One page per reader, with what that reader needs first.
///
/// The customer-success view carries no commands: steps appear as titles only and code blocks are
/// removed from bodies, because that page is forwarded to people who do not run them.
public struct RoleViewBuilder: Sendable {
    public init() {}

    public func build(_ plan: Plan, selection: Selection, renderer: BodyRenderer, schedule: Schedule?) -> [Document] {
        let evaluator = ConditionEvaluator(profile: selection.profile)
        let applicable = selection.decisions.filter(\.conditionHolds).map(\.item)
        return Role.allCases.map { role in
            let reader = renderer.strings.reader(role)
            let (intro, kinds, gatesOnly) = (reader?.intro ?? "", reader?.sees ?? [], reader?.gatesOnly ?? false)
            let withoutCode = role == .customerSuccess || role == .productManager
            var sections = [Section(id: "for", title: "For the \(role.title.lowercased())", blocks: [.markdown(intro)])]
            if role == .customerSuccess {
                sections.append(Section(id: "window", title: "The window", blocks: [
                    .markdown(NoticeBuilder.windowTable(selection.profile, schedule: schedule)),
                    .markdown("The notices to send are on the [customer notices](../comms/index.html) page."),
                ]))
            } else {
                sections.append(Section(id: "environment", title: "This migration", blocks: [
                    .markdown(ProfileSummary.markdown(selection.profile, vocabulary: renderer.vocabulary)),
                ]))
            }
            for kind in kinds {
                // Steps come from the plan, in its order and with its numbers; guidance from the selection.
                let planned = Dictionary(plan.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                var items = kind == .step ? plan.steps.map(\.item).filter { $0.isFor(role) }
                                          : applicable.filter { $0.kind == kind && $0.isFor(role) }
                if kind == .step, gatesOnly { items = items.filter(\.gate) }
                guard !items.isEmpty else { continue }
                let blocks: [Block] = items.map { item in
                    if kind == .step, let step = planned[item.id] {
                        var task = PlanRendering.task(step, plan: plan, renderer: renderer, evaluator: evaluator)
                        if withoutCode {
                            task.commands = []
                            task.body = MarkdownText.removingCodeSpans(MarkdownText.removingCode(task.body))
                        }
                        return .task(task)
                    }
                    let body = renderer.render(item.body).trimmingSpaces
                    return .entry(GuidanceEntry(id: item.id, title: item.title, summary: item.summary.map(renderer.render),
                                                severity: item.severity,
                                                body: withoutCode ? MarkdownText.removingCodeSpans(MarkdownText.removingCode(body)) : body,
                                                sources: item.sources, related: []))
                }
                let title = kind == .step && gatesOnly ? "Go/no-go decision points" : renderer.strings.title(of: kind)
                sections.append(Section(id: kind.rawValue, title: title, blocks: blocks))
            }
            return Document(path: "roles/\(role.rawValue)", title: "\(role.title) view — \(selection.profile.name)",
                            sections: sections, formats: [.markdown, .html])
        }
    }
}

/// Small edits on GFM text.
enum MarkdownText {
    /// The text up to the first blank line (or the first code block or list), for compact views.
    static func firstParagraph(_ text: String) -> String {
        var kept: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty { if kept.isEmpty { continue } else { break } }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { break }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Turns code spans into plain words (`ANALYZE` → ANALYZE), for readers who run no commands.
    static func removingCodeSpans(_ text: String) -> String {
        guard text.contains("`") else { return text }
        return String(text.filter { $0 != "`" })
    }

    /// Removes fenced and indented code blocks, keeping the prose around them.
    static func removingCode(_ text: String) -> String {
        var kept: [Substring] = []
        var fence: String?
        var previousBlank = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == "`" || $0 == "~" })
                continue
            }
            if previousBlank, line.hasPrefix("    ") || line.hasPrefix("\t") { continue }
            previousBlank = trimmed.isEmpty
            kept.append(line)
        }
        return kept.joined(separator: "\n").trimmingSpaces
    }
}
