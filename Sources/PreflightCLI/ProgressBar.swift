import Foundation
import PreflightKit
import Synchronization

/// A one-line progress bar on standard error, redrawn in place; only on a terminal, so that logs and
/// pipes get the summary table alone.
final class ProgressBar: Sendable {
    private let width = 30
    /// When the bar was last drawn and how many units failed so far.
    private let state = Mutex((lastDraw: ContinuousClock.now - .seconds(1), failed: 0))

    /// A bar when standard error is a terminal (and `TERM` is not `dumb`), else nil.
    static func forTerminal() -> ProgressBar? {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return ProgressBar()
    }

    /// The callback to hand to `Pipeline.build`. Redraws at most every 50 ms, and for the last profile.
    var callback: BuildProgress {
        { [self] report, done, total in step(report.id, done: done, total: total, failed: report.status == .failed) }
    }

    /// Records one finished unit of work (a profile, a table) named `label`; `verify` calls this directly.
    func step(_ label: String, done: Int, total: Int, failed: Bool = false) {
        state.withLock { state in draw(label, done: done, total: total, failed: failed, state: &state) }
    }

    private func draw(_ label: String, done: Int, total: Int, failed: Bool,
                      state: inout (lastDraw: ContinuousClock.Instant, failed: Int)) {
        if failed { state.failed += 1 }
        let now = ContinuousClock.now
        guard done == total || now - state.lastDraw > .milliseconds(50) else { return }
        state.lastDraw = now
        let failed = state.failed
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\r\u{1B}[2K\(bar) \(done)/\(total) \(label)"
        if failed > 0 { line += " (\(failed) failed)" }
        FileHandle.standardError.write(Data(line.utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
