import Foundation
import PreflightKit

/// The table a build prints at the end: one row per profile, then the totals.
struct SummaryTable {
    var result: BuildResult
    var outputRoot: String

    func render() -> String {
        let header = ["profile", "status", "files", "written", "errors", "warnings", "time"]
        var rows = result.profiles.map { report in
            [report.id, report.status.rawValue, "\(report.files)", "\(report.written)", "\(report.errors)",
             "\(report.warnings)", report.status == .upToDate && result.upToDate ? "-" : String(format: "%.2f s", report.seconds)]
        }
        rows.insert(header, at: 0)
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            row.enumerated().map { column, cell in
                // Names and words left, numbers right, as `ls -l` and `df` do.
                column < 2 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return (lines + [totals]).joined(separator: "\n")
    }

    var totals: String {
        let reports = result.profiles
        let count = { (status: ProfileReport.Status) in reports.filter { $0.status == status }.count }
        let files = reports.map(\.files).reduce(0, +), written = reports.map(\.written).reduce(0, +)
        var line = "\(reports.count) profile\(reports.count == 1 ? "" : "s") in \(outputRoot)/: \(count(.built)) built, "
            + "\(count(.upToDate)) up to date, \(count(.failed)) failed; \(files) files, \(written) written"
        if result.upToDate { line += " (inputs unchanged since the last build)" }
        return line
    }
}
