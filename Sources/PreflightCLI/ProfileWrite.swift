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
        // A profile id names an output folder: the database's name, reduced to the characters ids take.
        let newID = String((report.source.database ?? "inspected").lowercased()
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        let (text, changes) = ProfileMerge(report: report).merge(into: existing, current: existing == nil ? nil : current,
                                                                 newID: newID.isEmpty ? "inspected" : newID)
        let directory = (outputPath as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((outputPath as NSString).lastPathComponent).preflight-tmp"
        // A new profile cannot know the target; it is checked as if one were given, and written without.
        let checked = existing == nil ? text + "target: { engine: postgresql }\n" : text
        try Data(checked.utf8).write(to: URL(fileURLWithPath: temporary))
        let (loaded, problems) = ProfileLoader(vocabulary: content.vocabulary).load(path: temporary)
        let errors = problems.filter { $0.level == .error }
        guard loaded != nil, errors.isEmpty else {
            try? FileManager.default.removeItem(atPath: temporary)
            DiagnosticPrinter().print(errors)
            DiagnosticPrinter().write("preflight: error: the merged profile would not load; \(outputPath) is unchanged")
            throw ExitCode(1)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
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
