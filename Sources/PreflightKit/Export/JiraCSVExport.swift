/// The checklist as a Jira CSV import: a Task per phase, a Sub-task per step under it, and a Task
/// for the sign-off.
///
/// Sub-tasks name their phase's row in `Parent` by its `Issue Id`, and parents come first in the
/// file, as Atlassian's article on parent-child mapping in CSV imports asks
/// (https://confluence.atlassian.com/display/JIRAKB/CSV+import++Parent-child+mapping; Jira Data
/// Center's import wizard maps the same column to "Parent Id"). Cells follow RFC 4180, which Jira's
/// importer reads (https://support.atlassian.com/jira-software-cloud/docs/prepare-a-csv-file-for-import):
/// a cell holding a comma, a quote or a line break is quoted, quotes doubled, and records end in
/// CRLF while line breaks inside a description stay as they are. Jira renders descriptions
/// as its wiki markup, so the characters that make links, images, macros and table cells there are
/// backslash-escaped in them. Owners become labels (`owner-dba`; Jira labels hold no spaces).
struct JiraCSVExport {
    static let header = ["Issue Type", "Summary", "Description", "Labels", "Issue Id", "Parent"]

    func render(_ checklist: Checklist) -> String {
        var rows = [Self.header]
        // Issue ids: the phases first (1, 2, …), then the sign-off, then the steps.
        for (offset, group) in checklist.groups.enumerated() {
            rows.append(["Task", Self.summary("\(group.phase.title): " + checklist.profileName),
                         phaseDescription(group, checklist), "", "\(offset + 1)", ""])
        }
        var next = checklist.groups.count + 1
        rows.append(["Task", Self.summary("Sign-off: " + checklist.profileName),
                     "Before the cutover starts, each of these signs with name, signature, date and time:\n"
                         + checklist.signOff.map { "* " + $0.title }.joined(separator: "\n"), "", "\(next)", ""])
        for (offset, group) in checklist.groups.enumerated() {
            for step in group.steps {
                next += 1
                rows.append(["Sub-task", Self.summary((step.gate ? "GO/NO-GO: " : "") + step.title), stepDescription(step),
                             step.owner.map(Self.label) ?? "", "\(next)", "\(offset + 1)"])
            }
        }
        return rows.map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    func phaseDescription(_ group: Checklist.Group, _ checklist: Checklist) -> String {
        var lines = ["\(group.phase.title) of the pre-cutover checklist for " + Self.text(checklist.profileName) + ".",
                     Self.text(checklist.migration)]
        if let strategy = checklist.strategy { lines.append("Strategy: " + Self.text(strategy) + ".") }
        if group.phase == .cutover {
            if let point = checklist.pointOfNoReturn { lines.append("Point of no return: " + point.text(escape: Self.text) + ".") }
            if let cutover = checklist.cutover { lines.append(Self.text(cutover.sentence { $0 })) }
        }
        if group.phase == .rollback {
            if let triggers = checklist.rollbackTriggers { lines.append(Self.text(triggers)) }
            lines.append(Self.text(checklist.rollbackSentence { $0 }))
        }
        if let summary = checklist.summary { lines.append(Self.text(summary)) }
        return lines.joined(separator: "\n")
    }

    func stepDescription(_ step: TaskEntry) -> String {
        var lines: [String] = []
        if let owner = step.owner { lines.append("Owner: " + owner.title) }
        if let clock = step.clock { lines.append("When: " + Self.text(clock)) }
        if step.gate { lines.append("GO/NO-GO: the migration stops here unless this passes.") }
        if let thresholds = step.thresholds { lines.append(Self.text(thresholds)) }
        for evidence in step.evidence { lines.append(Self.text(evidence)) }
        lines.append("Step: " + step.id)
        return lines.joined(separator: "\n")
    }

    /// A summary is one line of at most 255 characters in Jira.
    static func summary(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 255 ? String(line.prefix(254)) + "…" : line
    }

    /// Text in Jira's wiki markup: what would start a link (`[…|…]`), an image (`!…!`), a macro
    /// (`{…}`) or a table cell is escaped with a backslash, so a value reads as written.
    static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            if "\\[]{}|!".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func label(_ role: Role) -> String { "owner-" + role.rawValue }

    /// An RFC 4180 cell.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
