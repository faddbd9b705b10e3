/// A document as GitHub Flavored Markdown: tasks become task-list items, commands fenced code blocks.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ document: Document) -> String {
        var out: [String] = []
        // Titles are plain text (the HTML pages escape them as such) and carry profile names.
        if !document.title.isEmpty { out.append("# \(MarkdownEscape.inline(document.title))") }
        if let summary = document.summary { out.append(summary) }
        for section in document.sections {
            if !section.title.isEmpty { out.append("## \(MarkdownEscape.inline(section.title))") }
            for block in section.blocks { out.append(render(block)) }
        }
        return Self.linkingMarkdown(out.joined(separator: "\n\n")) + "\n"
    }

    /// Relative links to `.html` pages point at their Markdown twins, so the Markdown reads on a forge.
    /// Works on bytes: documents run to hundreds of kilobytes and are rendered for every profile.
    static func linkingMarkdown(_ text: String) -> String {
        guard text.containsBytes(".html") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            out.append(bytes[index])
            guard bytes[index] == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            out.append(UInt8(ascii: "("))
            var end = index + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: ")"), bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let target = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            out += Array(rewrite(target).utf8)
            index = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func rewrite(_ target: String) -> String {
        guard target.contains(".html"), !target.contains("://"), !target.hasPrefix("mailto:") else { return target }
        if target.hasSuffix("index.html") || target.contains("index.html#") {
            return target.replacingOccurrences(of: "comms/index.html", with: "comms/index.md")
                .replacingOccurrences(of: "index.html", with: "README.md")
        }
        return target.replacingOccurrences(of: ".html", with: ".md")
    }

    func render(_ block: Block) -> String {
        switch block {
        case .markdown(let text): return text
        case .task(let task): return render(task)
        case .entry(let entry): return render(entry)
        case .figure(_, let caption, let file): return "![\(MarkdownEscape.inline(caption))](\(file))"
        }
    }

    func render(_ task: TaskEntry) -> String {
        if let number = task.number { return renderNumbered(task, number: number) }
        var meta: [String] = []
        if let owner = task.owner { meta.append("owner: \(owner.title)") }
        if let clock = task.clock { meta.append(clock) }
        if let estimate = task.estimate { meta.append("estimate: \(estimate)") }
        if let link = task.link { meta.append("[details](\(link))") }
        var head = "- [ ] "
        if task.gate { head += "**GO/NO-GO** " }
        head += "**\(task.title)**"
        if !meta.isEmpty { head += " — " + meta.joined(separator: " · ") }
        var parts = [head]
        if let thresholds = task.thresholds { parts.append(indent("**\(thresholds)**")) }
        for line in task.evidence { parts.append(indent("> \(ProfileSummary.escape(line))")) }
        if !task.body.isEmpty { parts.append(indent(task.body)) }
        for command in task.commands {
            if let title = command.title { parts.append(indent("_\(title)_")) }
            if let manual = command.manual { parts.append(indent("**Manual:** \(manual)")) }
            parts.append(indent(command.code.fenced(language: command.language)))
        }
        return parts.joined(separator: "\n\n")
    }

    /// A runbook step: a numbered heading, its clock, and its commands at the top level.
    func renderNumbered(_ task: TaskEntry, number: String) -> String {
        // An anchor by the step's id, which one-line checklists link to.
        var parts = ["<a id=\"step-\(task.id)\"></a>\n\n### \(number). \(task.title)"]
        var meta: [String] = []
        if let clock = task.clock { meta.append("**\(clock)**") }
        if let estimate = task.estimate { meta.append(estimate) }
        if let owner = task.owner { meta.append("owner: \(owner.title)") }
        if task.gate { meta.append("**GO/NO-GO**") }
        if task.overflow { meta.append("**ends after the window closes**") }
        if !meta.isEmpty { parts.append(meta.joined(separator: " · ")) }
        if let thresholds = task.thresholds { parts.append("**\(thresholds)**") }
        for line in task.evidence { parts.append("> \(ProfileSummary.escape(line))") }
        if !task.body.isEmpty { parts.append(task.body) }
        for command in task.commands {
            if let title = command.title { parts.append("_\(title)_") }
            if let manual = command.manual { parts.append("**Manual:** \(manual)") }
            parts.append(command.code.fenced(language: command.language))
        }
        if task.pointOfNoReturn {
            parts.append("> **Point of no return.** After this step, going back costs more than going on: decide on the rollback triggers before you start it.")
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

    /// Indents continuation lines so that they stay inside a list item.
    /// Works on bytes: splitting into Substrings and joining them cost more than the rest of the page.
    func indent(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 16 + 2)
        var atLineStart = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if atLineStart {
                out.append(UInt8(ascii: " "))
                out.append(UInt8(ascii: " "))
                atLineStart = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
