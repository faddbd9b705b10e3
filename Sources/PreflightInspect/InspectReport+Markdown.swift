import PreflightKit

extension InspectReport {
    /// The report as a person reads it on a terminal or pastes into a ticket: findings first, worst
    /// first, each with its evidence, verdict and checklist step; then the measured facts.
    public var markdown: String {
        var lines = ["# Inspection of \(source.address)", ""]
        lines.append("PostgreSQL \(source.version), \(measuredLabel)" + (target.map { "; target \($0.address), PostgreSQL \($0.version)" } ?? ""))
        lines.append("")
        lines.append("## Findings")
        lines.append("")
        if findings.isEmpty {
            lines.append("No blocker or hazard found.")
        }
        for finding in findings.sorted(by: { ($0.severity, $1.probe) > ($1.severity, $0.probe) }) {
            lines.append("- **\(finding.severity.rawValue.uppercased())** \(finding.message) — \(finding.verdict)"
                         + " (checklist step `\(finding.step)`)")
            for (name, detail) in zip(finding.names, finding.details) where !detail.isEmpty {
                lines.append("  - `\(name)`: \(detail)")
            }
        }
        lines += ["", "## Facts", "", "| Fact | Value | Field |", "|---|---|---|"]
        for fact in facts {
            let value = fact.items.map { $0.joined(separator: ", ") } ?? fact.value
            lines.append("| \(fact.title) | \(value.isEmpty ? "none" : value) | `\(fact.measures)` |")
        }
        if !skipped.isEmpty {
            lines += ["", "## Not run", ""]
            lines += skipped.map { "- `\($0.probe)`: \($0.reason)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether a finding is serious enough to stop the migration as planned (high or critical).
    public var hasBlocker: Bool { findings.contains { $0.severity >= .high } }
}
