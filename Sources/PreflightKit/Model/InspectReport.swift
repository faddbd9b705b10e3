/// What `preflight inspect` measured and found on a live database: the JSON it writes with
/// `--format json`, and what `preflight build --findings FILE` reads back.
public struct InspectReport: Sendable, Codable {
    /// A server as the report names it: its address without a password, and its version.
    public struct Server: Sendable, Codable {
        public var address: String
        public var version: String
        /// The database inspected, which names a profile written from the report.
        public var database: String?
        public init(address: String, version: String, database: String? = nil) {
            self.address = address
            self.version = version
            self.database = database
        }
    }

    /// One measured fact, in the form a profile writes it (`1.2 GB`, `15.10`, `45m`).
    public struct Fact: Sendable, Codable {
        public var probe: String
        public var title: String
        /// The profile field (`data.size`) or `server.<name>`.
        public var measures: String
        public var unit: Probe.Unit
        /// The value; for a list, its elements joined by commas.
        public var value: String
        /// For lists, the elements; for a group (`data.largest_table`), `field=value` pairs.
        public var parts: [String: String]?
        public var items: [String]?

        public init(probe: String, title: String, measures: String, unit: Probe.Unit, value: String,
                    parts: [String: String]? = nil, items: [String]? = nil) {
            self.probe = probe
            self.title = title
            self.measures = measures
            self.unit = unit
            self.value = value
            self.parts = parts
            self.items = items
        }
    }

    /// One blocker or hazard, with every instance the probe returned.
    public struct Finding: Sendable, Codable {
        public var probe: String
        public var title: String
        public var severity: Severity
        /// The checklist step the evidence belongs to.
        public var step: String
        public var rulesOut: [String]
        public var verdict: String
        /// The evidence in words, with the count and the first names filled in.
        public var message: String
        public var names: [String]
        public var details: [String]

        public init(probe: String, title: String, severity: Severity, step: String, rulesOut: [String], verdict: String,
                    message: String, names: [String], details: [String]) {
            self.probe = probe
            self.title = title
            self.severity = severity
            self.step = step
            self.rulesOut = rulesOut
            self.verdict = verdict
            self.message = message
            self.names = names
            self.details = details
        }

        enum CodingKeys: String, CodingKey {
            case probe, title, severity, step, verdict, message, names, details
            case rulesOut = "rules_out"
        }
    }

    /// A probe that did not run, and why (no query for this version, no target given, a privilege missing).
    public struct Skipped: Sendable, Codable {
        public var probe: String
        public var reason: String
        public init(probe: String, reason: String) {
            self.probe = probe
            self.reason = reason
        }
    }

    /// When the measurement was taken, as `2026-12-04T10:02:00Z`.
    public var measuredAt: String
    public var source: Server
    public var target: Server?
    /// The profile the inspection was run for, when one was given: `build --findings` applies the
    /// report to that profile only.
    public var profile: String?
    public var facts: [Fact]
    public var findings: [Finding]
    public var skipped: [Skipped]

    public init(measuredAt: String, source: Server, target: Server? = nil, profile: String? = nil, facts: [Fact] = [],
                findings: [Finding] = [], skipped: [Skipped] = []) {
        self.measuredAt = measuredAt
        self.source = source
        self.target = target
        self.profile = profile
        self.facts = facts
        self.findings = findings
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey {
        case source, target, profile, facts, findings, skipped
        case measuredAt = "measured_at"
    }

    /// `measured 2026-12-04 10:02 UTC`, as the checklist shows it.
    public var measuredLabel: String {
        let text = measuredAt.replacingOccurrences(of: "T", with: " ")
        return "measured " + (text.count >= 16 ? String(text.prefix(16)) + " UTC" : text)
    }
}
