/// The checklist as the body of a GitHub or GitLab issue, in GitHub Flavored Markdown.
///
/// It follows the layout of GitLab's production change requests (see
/// https://handbook.gitlab.com/handbook/engineering/infrastructure/change-management/): a change
/// summary, the change steps, the rollback and who signs off. Every step is a task-list line under
/// a `###` heading for its phase, so the issue shows its progress as steps are ticked. Owners become
/// scoped labels (`owner::dba`): a `Labels:` line that `gh issue create --label` takes as it is, and
/// a `/label` quick action that GitLab applies when the issue is created (GitHub shows it as text).
/// Profile values are escaped as in the site's Markdown; step titles are the content's, as there.
struct GitHubIssueExport {
    func render(_ checklist: Checklist) -> String {
        var out = ["# " + Self.escape(checklist.title)]
        let labels = checklist.owners.map(Self.label)
        if !labels.isEmpty { out.append("Labels: " + labels.joined(separator: ",")) }
        out.append("## Change summary")
        if let summary = checklist.summary { out.append(summary) }
        if !checklist.noGo.isEmpty {
            out.append("**NO-GO as planned:**\n\n" + checklist.noGo.map { "- **\($0)**" }.joined(separator: "\n"))
        }
        out.append((["| Aspect | Details |", "| --- | --- |"] + checklist.facts.map { aspect, details in
            "| \(aspect) | \(details.map(Self.escape) ?? "_not stated_") |"
        }).joined(separator: "\n"))
        if let strategy = checklist.strategy {
            var line = "Strategy: **\(Self.escape(strategy))**."
            if let point = checklist.pointOfNoReturn { line += " Point of no return: \(point.text(escape: Self.escape))." }
            out.append(line)
        }
        if let cutover = checklist.cutover { out.append(cutover.sentence { "**\($0)**" }) }
        if !checklist.measured.isEmpty {
            out.append("Measured on the source:\n\n" + checklist.measured.map { "- " + Self.escape($0) }.joined(separator: "\n"))
        }
        let steps = checklist.groups.filter { $0.phase != .rollback }
        out.append("## Change steps")
        if steps.isEmpty { out.append("_No steps apply to this profile's readers before the rollback._") }
        for group in steps { out += section(group) }
        out.append("## Rollback")
        if let triggers = checklist.rollbackTriggers { out.append("**" + Self.escape(triggers) + "**") }
        out.append(checklist.rollbackSentence { "**\($0)**" })
        if let rollback = checklist.groups.first(where: { $0.phase == .rollback }) {
            out += section(rollback)
        } else {
            out.append("_No rollback steps apply to this profile's readers._")
        }
        out.append("## Sign-off")
        out.append("Each role signs before the cutover starts:\n\n"
            + checklist.signOff.map { "- [ ] **\($0.title)** — name, signature, date and time:" }.joined(separator: "\n"))
        if !labels.isEmpty { out.append("/label " + labels.map { "~\"\($0)\"" }.joined(separator: " ")) }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// A phase: its heading, then one task-list line per step with what the site's checklist shows
    /// beside it, the thresholds and measured evidence indented under the line.
    func section(_ group: Checklist.Group) -> [String] {
        let lines = group.steps.map { step in
            var meta: [String] = []
            if let owner = step.owner { meta.append("owner: \(owner.title)") }
            if let clock = step.clock { meta.append(Self.escape(clock)) }
            var line = "- [ ] " + (step.gate ? "**GO/NO-GO** " : "") + "**\(step.title)**"
            if !meta.isEmpty { line += " — " + meta.joined(separator: " · ") }
            if let thresholds = step.thresholds { line += "\n\n  **" + Self.escape(thresholds) + "**" }
            for evidence in step.evidence { line += "\n\n  > " + Self.escape(evidence) }
            return line
        }
        return ["### " + group.phase.title, lines.joined(separator: "\n")]
    }

    /// A scoped label, the same on both forges: `owner::dba`.
    static func label(_ role: Role) -> String { "owner::" + role.rawValue }

    static func escape(_ text: String) -> String { MarkdownEscape.inline(text) }
}
