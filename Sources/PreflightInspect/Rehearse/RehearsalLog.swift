import PreflightKit

/// What a rehearsal did, step by step, with times: the record a team attaches to its change ticket.
/// Written as Markdown and as JSON.
public struct RehearsalLog: Sendable, Codable {
    public struct Entry: Sendable, Codable {
        public var step: String
        public var number: String
        public var title: String
        public var action: String
        /// `shell`, `sql on source`, `sql on target` or `manual`.
        public var kind: String
        public var command: String
        public var started: String
        public var seconds: Double
        /// The exit status: 0 passed; for SQL 1 when the server refused it; for a manual step 0 when confirmed.
        public var status: Int32
        public var outputTail: String
        /// The plan's estimate for the whole step, on the step's first action.
        public var estimateSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case step, number, title, action, kind, command, started, seconds, status
            case outputTail = "output_tail"
            case estimateSeconds = "estimate_seconds"
        }
    }

    public var profile: String
    public var started: String
    public var finished: String = ""
    public var dryRun: Bool
    public var entries: [Entry] = []
    /// Set when a step failed: the rehearsal stopped there.
    public var failedStep: String?
    /// The closing comparison of source and target (`verify`), in one line, and its difference count.
    public var verify: String?
    public var differences: Int?
    /// The rates the steps that move the whole database achieved, for the profile's `rates.…` fields.
    public var rates: [MeasuredRate] = []

    /// A step's size over its time: what the next plan should assume for this kind of work.
    public struct MeasuredRate: Codable, Sendable {
        /// The profile field, such as `rates.restore`.
        public var field: String
        public var step: String
        public var bytes: Double
        public var seconds: Double

        public var rate: Throughput { Throughput(bytesPerSecond: bytes / seconds, perHour: true) }
    }

    /// No step failed and the closing verify, when it ran, found the databases equal.
    public var passed: Bool { failedStep == nil && (differences ?? 0) == 0 }

    enum CodingKeys: String, CodingKey {
        case profile, started, finished, entries, verify, differences, rates
        case dryRun = "dry_run"
        case failedStep = "failed_step"
    }

    public init(profile: String, started: String, dryRun: Bool) {
        self.profile = profile
        self.started = started
        self.dryRun = dryRun
    }

    /// The log as a Markdown page: a table of steps with measured against planned times, then the
    /// failing step's command and output in full.
    public var markdown: String {
        var lines = ["# Rehearsal of \(profile)", "",
                     "Started \(started), finished \(finished)." + (dryRun ? " Dry run: nothing was executed." : ""), ""]
        lines.append(passed ? "**Result: passed.**" : "**Result: failed" + (failedStep.map { " at `\($0)`" } ?? " at verify") + ".**")
        if let verify { lines += ["", "Verify: \(verify)"] }
        lines += ["", "| # | Step | Action | Kind | Took | Planned | Status |", "|---|---|---|---|---|---|---|"]
        for entry in entries {
            let planned = entry.estimateSeconds.map { TimeSpan(seconds: $0).description } ?? ""
            let took = TimeSpan(seconds: (entry.seconds * 10).rounded() / 10).description
            lines.append("| \(entry.number) | \(Self.cell(entry.title)) | \(Self.cell(entry.action)) | \(entry.kind) | \(took) | \(planned) | "
                         + (entry.status == 0 ? "ok" : "**exit \(entry.status)**") + " |")
        }
        if !rates.isEmpty {
            lines += ["", "## Rates measured", "",
                      "What this machine achieved; put them in the profile so that the next plan's clock is its own:", "",
                      "```yaml", "rates:"]
            for measured in rates {
                let took = TimeSpan(seconds: (measured.seconds * 10).rounded() / 10)
                lines.append("  \(measured.field.dropFirst("rates.".count)): \(measured.rate)   # step \(measured.step): "
                             + "\(DataSize(bytes: measured.bytes)) in \(took)")
            }
            lines.append("```")
        }
        if let failed = entries.last(where: { $0.status != 0 }) {
            lines += ["", "## Where it stopped: \(failed.number). \(failed.title)", "", "```", failed.command, "```", "",
                      "Output (last lines):", "", "```", failed.outputTail, "```"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
