/// The checklist as the body of a Confluence page in storage format: XHTML with Confluence's own
/// elements, here its task lists.
///
/// The elements are those of Atlassian's storage-format reference
/// (https://confluence.atlassian.com/doc/confluence-storage-format-790796544.html, "Task lists"):
/// `<ac:task-list>` holding `<ac:task>`, each with an `<ac:task-id>`, `<ac:task-status>incomplete</…>`
/// and an `<ac:task-body>`. The file is a page body as the REST API and "Edit storage format" take
/// it: several top-level elements, with the `ac:` prefix that Confluence declares on the page around
/// them. Text is escaped for XML, with only the entities XML predefines (an HTML entity such as
/// `&nbsp;` would not parse), and characters XML forbids are dropped.
struct ConfluenceExport {
    func render(_ checklist: Checklist) -> String {
        var out = ["<h1>" + Self.text(checklist.title) + "</h1>"]
        if let summary = checklist.summary { out.append("<p>" + Self.text(summary) + "</p>") }
        out.append("<h2>Change summary</h2>")
        if !checklist.noGo.isEmpty {
            out.append("<p><strong>NO-GO as planned:</strong></p>")
            out.append("<ul>" + checklist.noGo.map { "<li><strong>" + Self.markdownLine($0) + "</strong></li>" }.joined() + "</ul>")
        }
        out.append("<table><tbody><tr><th>Aspect</th><th>Details</th></tr>"
            + checklist.facts.map { "<tr><td>\(Self.text($0.aspect))</td><td>\($0.details.map(Self.text) ?? "<em>not stated</em>")</td></tr>" }
                .joined() + "</tbody></table>")
        if let strategy = checklist.strategy {
            var line = "<p>Strategy: <strong>" + Self.text(strategy) + "</strong>."
            if let point = checklist.pointOfNoReturn { line += " Point of no return: " + point.text(escape: Self.text) + "." }
            out.append(line + "</p>")
        }
        if let cutover = checklist.cutover { out.append("<p>" + cutover.sentence { "<strong>\($0)</strong>" } + "</p>") }
        if !checklist.measured.isEmpty {
            out.append("<p>Measured on the source:</p><ul>" + checklist.measured.map { "<li>\(Self.text($0))</li>" }.joined() + "</ul>")
        }
        var taskID = 0
        out.append("<h2>Change steps</h2>")
        for group in checklist.groups where group.phase != .rollback { out += section(group, taskID: &taskID) }
        out.append("<h2>Rollback</h2>")
        if let triggers = checklist.rollbackTriggers { out.append("<p><strong>" + Self.text(triggers) + "</strong></p>") }
        // Durations and fixed words only: nothing in the sentence needs escaping.
        out.append("<p>" + checklist.rollbackSentence { "<strong>\($0)</strong>" } + "</p>")
        for group in checklist.groups where group.phase == .rollback { out += section(group, taskID: &taskID) }
        out.append("<h2>Sign-off</h2>")
        out.append("<table><tbody><tr><th>Role</th><th>Name</th><th>Signature</th><th>Date and time</th></tr>"
            + checklist.signOff.map { "<tr><td>\(Self.text($0.title))</td><td></td><td></td><td></td></tr>" }.joined()
            + "</tbody></table>")
        return out.joined(separator: "\n") + "\n"
    }

    /// A phase: its heading and a task list with one task per step.
    func section(_ group: Checklist.Group, taskID: inout Int) -> [String] {
        var lines = ["<h3>" + Self.text(group.phase.title) + "</h3>", "<ac:task-list>"]
        for step in group.steps {
            taskID += 1
            var body = (step.gate ? "<strong>GO/NO-GO</strong> " : "") + Self.text(step.title)
            var meta: [String] = []
            if let owner = step.owner { meta.append("owner: " + owner.title) }
            if let clock = step.clock { meta.append(Self.text(clock)) }
            if !meta.isEmpty { body += " — " + meta.joined(separator: " · ") }
            if let thresholds = step.thresholds { body += " <em>" + Self.text(thresholds) + "</em>" }
            for evidence in step.evidence { body += " <em>" + Self.text(evidence) + "</em>" }
            lines.append("<ac:task><ac:task-id>\(taskID)</ac:task-id><ac:task-status>incomplete</ac:task-status>"
                + "<ac:task-body>\(body)</ac:task-body></ac:task>")
        }
        lines.append("</ac:task-list>")
        return lines
    }

    /// One line of the plan's GFM (a NO-GO reason) as inline XHTML: cmark-gfm's output, which
    /// escapes text with XML's entities and closes every element, without its paragraph.
    static func markdownLine(_ markdown: String) -> String {
        var html = GFM.html(markdown).trimmingSpaces
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// Text for an element's content or an attribute: `<`, `>`, `&` and quotes as XML entities, and
    /// the control characters XML 1.0 does not allow dropped (a tab and line breaks stay).
    static func text(_ value: String) -> String {
        let allowed = String(String.UnicodeScalarView(value.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r"
        }.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
        return HTMLEscaping.escape(allowed)
    }
}
