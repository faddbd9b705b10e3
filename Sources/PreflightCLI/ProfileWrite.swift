import ArgumentParser
import Foundation
import PreflightKit

/// `inspect --write`: merges the measured facts into a profile file and writes it atomically, after
/// checking that the result still loads and holds what was measured. Prints what changed.
struct ProfileWrite {
    var report: InspectReport
    var profilePath: String?
    var outputPath: String
    var content: ContentSet
    var current: Profile?

    func run() throws {
        let existing = profilePath.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) }
        let newID = report.source.address.split(separator: "/").last.map { String($0.split(separator: "?").first ?? $0) } ?? "inspected"
        let (text, changes) = ProfileMerge(report: report).merge(into: existing, current: existing == nil ? nil : current,
                                                                 newID: newID.isEmpty ? "inspected" : newID)
        let directory = (outputPath as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((outputPath as NSString).lastPathComponent).preflight-tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        let (loaded, problems) = ProfileLoader(vocabulary: content.vocabulary).load(path: temporary)
        let errors = problems.filter { $0.level == .error && $0.code != .missingKey }
        guard loaded != nil, errors.isEmpty else {
            try? FileManager.default.removeItem(atPath: temporary)
            DiagnosticPrinter().print(errors)
            DiagnosticPrinter().write("preflight: error: the merged profile would not load; \(outputPath) is unchanged")
            throw ExitCode(1)
        }
        guard rename(temporary, outputPath) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            DiagnosticPrinter().write("preflight: error: cannot write \(outputPath): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        for change in changes where change.kind != .agrees {
            let was = change.previous.map { " (was \($0))" } ?? ""
            DiagnosticPrinter().write("\(outputPath): \(change.kind.rawValue) \(change.field): \(change.measured)\(was)")
        }
        let agreeing = changes.filter { $0.kind == .agrees }.count
        if agreeing > 0 { DiagnosticPrinter().write("\(outputPath): \(agreeing) field\(agreeing == 1 ? "" : "s") already agreed and were kept as written") }
    }
}
