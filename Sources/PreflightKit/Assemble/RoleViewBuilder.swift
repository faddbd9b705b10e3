/// One page per reader: what that reader does and decides, the guidance that matters most to them,
/// and links to the rest.
///
/// Steps are the plan's, one line each with a link to their text in the runbook: the steps the reader
/// owns and the go/no-go gates (gates only, for readers who decide rather than act). Guidance of the
/// kinds the reader sees comes high severity first, with its summary and first paragraph; the rest is
/// a list of links to the wiki. The customer-success and product-manager views carry no commands.
public struct RoleViewBuilder: Sendable {
    public init() {}

    public func build(_ plan: Plan, selection: Selection, risks: [RiskRegisterBuilder.Risk], renderer: BodyRenderer,
                      schedule: Schedule?) -> [Document] {
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
            if role == .productManager { sections += Self.decisions(plan, risks: risks) }
            for kind in kinds {
                if kind == .step {
                    let steps = plan.steps.filter { step in
                        step.item.isFor(role) && (gatesOnly ? step.item.gate : step.item.owner == role || step.item.gate)
                    }
                    guard !steps.isEmpty else { continue }
                    let blocks: [Block] = steps.map { step in
                        var task = PlanRendering.task(step, plan: plan, renderer: renderer, evaluator: evaluator)
                        task.link = "../" + RunbookBuilder.document(of: step.phase) + ".html#step-" + step.id
                        (task.number, task.estimate, task.body, task.commands) = (nil, nil, "", [])
                        return .task(task)
                    }
                    let title = gatesOnly ? "Go/no-go decision points" : "Your steps and the go/no-go gates"
                    sections.append(Section(id: kind.rawValue, title: title, blocks: blocks))
                    continue
                }
                // Strategies are the plan's options for this migration, as the memo compares them.
                let options = Set(plan.options.map(\.item.id))
                let items = applicable.filter { $0.kind == kind && $0.isFor(role) && (kind != .strategy || options.contains($0.id)) }
                guard !items.isEmpty else { continue }
                let first = items.filter { ($0.severity ?? .low) >= .high }
                var blocks: [Block] = first.map { item in
                    // The summary says it; the first paragraph stands in for an item without one.
                    var body = item.summary == nil ? MarkdownText.firstParagraph(renderer.render(item.body).trimmingSpaces) : ""
                    if withoutCode { body = MarkdownText.removingCodeSpans(MarkdownText.removingCode(body)) }
                    return .entry(GuidanceEntry(id: item.id, title: item.title, summary: item.summary.map(renderer.render),
                                                severity: item.severity, body: body, sources: [], related: []))
                }
                let rest = items.filter { ($0.severity ?? .low) < .high }
                if !rest.isEmpty {
                    // Strategies are compared in the memo; other guidance is on the wiki when the
                    // profile's own readers see it, and named here otherwise.
                    let page = renderer.strings.wikiPage(of: kind)
                    let inWiki = Set(selection.included.map(\.id))
                    blocks.append(.markdown((first.isEmpty ? "" : "Also:\n\n") + rest.map { item in
                        let title = ProfileSummary.escape(item.title)
                        if kind == .strategy { return "- [\(title)](../memo.html#\(item.id))" }
                        return inWiki.contains(item.id) ? "- [\(title)](../wiki/\(page).md#\(Slug.github(item.title)))" : "- \(title)"
                    }.joined(separator: "\n")))
                }
                sections.append(Section(id: kind.rawValue, title: renderer.strings.title(of: kind), blocks: blocks))
            }
            return Document(path: "roles/\(role.rawValue)", title: "\(role.title) view — \(selection.profile.name)",
                            sections: sections, formats: [.markdown, .html])
        }
    }

    /// What a product manager decides on: what stops the plan, the timeline of the cutover, and the
    /// risks that matter most, in words rather than commands.
    static func decisions(_ plan: Plan, risks: [RiskRegisterBuilder.Risk]) -> [Section] {
        var sections: [Section] = []
        if !plan.noGo.isEmpty {
            sections.append(Section(id: "no-go", title: "NO-GO as planned", blocks: [.markdown(
                plan.noGo.map { "- **\($0)**" }.joined(separator: "\n"))]))
        }
        let cutover = plan.steps(in: .cutover)
        if !cutover.isEmpty {
            var rows = ["| Step | What happens | When | Owner |", "| --- | --- | --- | --- |"]
            for step in cutover {
                let when = step.start.flatMap { start in step.end.map { "T+\(RunbookBuilder.clock(start))–\(RunbookBuilder.clock($0))" } } ?? "—"
                rows.append("| \(step.number)\(step.pointOfNoReturn ? " (point of no return)" : "") | \(ProfileSummary.escape(step.item.title)) | \(when) | \(step.item.owner?.title ?? "—") |")
            }
            var text = rows.joined(separator: "\n")
            if let moment = PlanRendering.switchMoment(plan) { text += "\n\nPoint of no return: \(moment)." }
            sections.append(Section(id: "timeline", title: "Timeline of the cutover", blocks: [.markdown(text)]))
        }
        let top = risks.prefix(6)
        if !top.isEmpty {
            sections.append(Section(id: "risks", title: "Top risks", blocks: [.markdown(top.map {
                "- **\($0.impact.rawValue)** — \(ProfileSummary.escape($0.item.title))"
            }.joined(separator: "\n") + "\n\nThe whole [risk register](../risks.html) says how each is mitigated.")]))
        }
        return sections
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
