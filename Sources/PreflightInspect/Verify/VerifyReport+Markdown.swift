import Foundation
import PreflightKit

/// The Markdown form, the default on standard output: the verdict first, then each difference, each
/// table compared, and the figures.
extension VerifyReport {
    public func markdown() -> String {
        var lines = ["# Verify: \(source.address) → \(target.address)", ""]
        lines.append("- Source: `\(source.address)` (PostgreSQL \(source.version))")
        lines.append("- Target: `\(target.address)` (PostgreSQL \(target.version))")
        if let profile { lines.append("- Profile: \(profile)") }
        if !tablePatterns.isEmpty { lines.append("- Tables: " + tablePatterns.map { "`\($0)`" }.joined(separator: ", ")) }
        lines.append("- Verified at: \(verifiedAt)")
        lines += ["", "**\(verdict)**", ""]
        if !differences.isEmpty {
            lines += ["## Differences", "", "| Table | Kind | Object | What | Source | Target |", "|---|---|---|---|---|---|"]
            for difference in differences {
                lines.append("| " + [difference.table ?? "—", difference.kind.rawValue, difference.object, difference.message,
                                       difference.source ?? "—", difference.target ?? "—"].map(Self.cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        if !tables.isEmpty {
            lines += ["## Tables", "", "| Table | Rows (source) | Rows (target) | Size | Hashed in order of | Result | Time |",
                      "|---|--:|--:|--:|---|---|--:|"]
            for table in tables {
                lines.append("| " + [table.table, String(table.sourceRows), String(table.targetRows),
                                       DataSize(bytes: Double(table.bytes)).description, table.orderDescription,
                                       table.equal ? "equal" : "differs", Self.seconds(table.seconds)]
                    .map(Self.cell).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines += ["## Figures", ""] + figureLines.map { "- " + $0 } + [""]
        return lines.joined(separator: "\n")
    }

    /// One line saying whether the databases matched.
    var verdict: String {
        switch differences.count {
        case 0: "Equal: no difference found."
        case 1: "1 difference found."
        case let count: "\(count) differences found."
        }
    }

    /// The figures as short lines, shared with the HTML form.
    var figureLines: [String] {
        ["Tables compared: \(figures.tablesCompared)",
         "Rows: \(figures.rows) (\(Int(figures.rowsPerSecond.rounded())) rows/s)",
         "Bytes: \(DataSize(bytes: Double(figures.bytes))) (\(DataSize(bytes: figures.bytesPerSecond.rounded()))/s)",
         "Elapsed: \(Self.seconds(figures.elapsedSeconds)) with \(figures.jobs) session\(figures.jobs == 1 ? "" : "s") per side"]
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
    }

    /// A table cell: pipes escaped and line breaks flattened, so a definition cannot break the table.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension VerifyReport.Table {
    /// How the rows were ordered for the hash, for the reader.
    var orderDescription: String {
        key.map { "primary key (\($0))" } ?? "whole row text (no primary key)"
    }
}
