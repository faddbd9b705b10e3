import ArgumentParser
import Foundation
import PreflightInspect
import PreflightKit

/// Prints diagnostics to standard error, coloured only on a terminal and never under `NO_COLOR`.
struct DiagnosticPrinter {
    var colour: Bool

    init() {
        let environment = ProcessInfo.processInfo.environment
        colour = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Every error, and of each kind of warning the first few (see `DiagnosticSummary`).
    func print(_ diagnostics: [Diagnostic]) {
        print(DiagnosticSummary(diagnostics))
    }

    /// The kept diagnostics, then a line for each kind of warning with more than were kept.
    func print(_ summary: DiagnosticSummary) {
        for diagnostic in summary.kept { write(format(diagnostic)) }
        for group in summary.omitted {
            let shape = group.shape.count > 100 ? group.shape.prefix(99) + "…" : Substring(group.shape)
            write("… and \(Self.grouped(group.omitted)) more warning\(group.omitted == 1 ? "" : "s") like this [\(group.code.rawValue)]: \(shape)")
        }
    }

    func summary(_ diagnostics: [Diagnostic]) {
        summary(errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
    }

    func summary(errors: Int, warnings: Int) {
        guard errors + warnings > 0 else { return }
        write("\(Self.grouped(errors)) error\(errors == 1 ? "" : "s"), \(Self.grouped(warnings)) warning\(warnings == 1 ? "" : "s")")
    }

    /// `123456` as `123,456`: counts of an inventory's warnings run to six figures.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    func format(_ diagnostic: Diagnostic) -> String {
        guard colour else { return diagnostic.description }
        let tint = diagnostic.level == .error ? "\u{1B}[1;31m" : (diagnostic.level == .warning ? "\u{1B}[1;35m" : "\u{1B}[1;36m")
        return diagnostic.description.replacingOccurrences(
            of: ": \(diagnostic.level.rawValue): ", with: ": \(tint)\(diagnostic.level.rawValue):\u{1B}[0m ")
    }

    func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension Result where Failure == DiagnosticsError {
    /// The value, or the diagnostics printed and exit code 1.
    func orExit() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error):
            DiagnosticPrinter().print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}

extension DiagnosticPrinter {
    /// A failure to reach or read a database: `preflight: error: …` and its hint, then exit status 1.
    /// The message names the server by its address, never with its password.
    func fail(_ error: DatabaseError) -> ExitCode {
        write("preflight: error: \(error.message)" + (error.hint.map { "\n  hint: \($0)" } ?? ""))
        return ExitCode(1)
    }
}
