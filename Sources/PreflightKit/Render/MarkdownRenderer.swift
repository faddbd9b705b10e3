/// A document as GitHub Flavored Markdown: tasks become task-list items, commands fenced code blocks.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: Document) -> String {
        var out: [String] = []
        if !document.title.isEmpty { out.append("# \(document.title)") }
        if let summary = document.summary { out.append(summary) }
        for section in document.sections {
            if !section.title.isEmpty { out.append("## \(section.title)") }
            for block in section.blocks { out.append(render(block)) }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    func render(_ block: Block) -> String {
        switch block {
        case .markdown(let text): return text
        case .task(let task): return render(task)
        case .entry(let entry): return render(entry)
        }
    }

    func render(_ task: TaskEntry) -> String {
        var meta: [String] = []
        if let owner = task.owner { meta.append("owner: \(owner.title)") }
        if let estimate = task.estimate { meta.append("estimate: \(estimate)") }
        var head = "- [ ] "
        if task.gate { head += "**GO/NO-GO** " }
        head += "**\(task.title)**"
        if !meta.isEmpty { head += " — " + meta.joined(separator: " · ") }
        var parts = [head]
        if !task.body.isEmpty { parts.append(indent(task.body)) }
        for command in task.commands {
            if let title = command.title { parts.append(indent("_\(title)_")) }
            parts.append(indent(fence(command.code, language: command.language)))
        }
        return parts.joined(separator: "\n\n")
    }

    func render(_ entry: GuidanceEntry) -> String {
        var parts = ["### \(entry.title)"]
        var lead: [String] = []
        if let severity = entry.severity { lead.append("**Severity: \(severity.rawValue)**") }
        if let summary = entry.summary { lead.append(summary) }
        if !lead.isEmpty { parts.append(lead.joined(separator: " — ")) }
        if !entry.body.isEmpty { parts.append(entry.body) }
        if !entry.related.isEmpty {
            parts.append("Related: " + entry.related.map { "[\($0.title)](\($0.link))" }.joined(separator: ", "))
        }
        if !entry.sources.isEmpty {
            parts.append("Sources: " + entry.sources.map { "[\($0.title)](\($0.url))" }.joined(separator: "; "))
        }
        return parts.joined(separator: "\n\n")
    }

    /// A fence longer than any backtick run inside the code, so that no command can close it early.
    func fence(_ code: String, language: String) -> String {
        var longest = 0, run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: max(3, longest + 1))
        return "\(marks)\(language)\n\(code)\n\(marks)"
    }

    /// Indents continuation lines so that they stay inside a list item.
    func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }
            .joined(separator: "\n")
    }
}
