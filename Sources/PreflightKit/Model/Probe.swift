/// A question `preflight inspect` asks a live database, kept in `Content/probes/<engine>/`: either a
/// fact it measures for the profile (`measures: data.size`) or a finding, a blocker or hazard with its
/// severity, the checklist step it is evidence for and the strategies it rules out.
///
/// The SQL lives here, per version range, so that adding a check is a content change.
public struct Probe: Sendable {
    /// How a fact's value is read and shown.
    public enum Unit: String, Sendable, CaseIterable, Codable {
        case count, bytes, seconds, text, version, list
        case bytesPerSecond = "bytes-per-second"
    }

    /// What a finding means for the plan.
    public struct Finding: Sendable {
        public var severity: Severity
        /// The checklist step the evidence is shown on.
        public var step: String
        /// Strategies the finding rules out, each with the finding as its reason.
        public var rulesOut: [String]
        /// A short verdict shown after the evidence ("NO-GO for logical replication").
        public var verdict: String
        /// The evidence, with `{{count}}` and `{{names}}` filled in.
        public var message: String
    }

    /// One query and the server versions it is written for.
    public struct Query: Sendable {
        /// The versions of the server the query runs on.
        public var source: VersionRange
        /// When set, the query applies only to a migration whose target version is in this range.
        public var target: VersionRange?
        public var sql: String
        /// For `compare: target-lacks`, the names the target has.
        public var targetSQL: String?
        public var location: SourceLocation
    }

    public var id: String
    public var engine: String
    public var title: String
    /// A profile field (`data.size`) or `server.<name>` for a fact that is only reported.
    public var measures: String?
    public var unit: Unit?
    /// For rates: the query runs twice this far apart and the difference per second is the value.
    public var sample: TimeSpan?
    public var finding: Finding?
    /// Whether the finding is what the source has and the target lacks.
    public var comparesTarget: Bool
    public var queries: [Query]
    public var meaning: String
    public var sources: [Citation]
    public var reviewed: CalendarDate?
    public var location: SourceLocation

    /// The first query written for this pair of versions; nil when the probe does not apply.
    public func query(source: Version, target: Version?) -> Query? {
        queries.first { query in
            guard query.source.contains(source) else { return false }
            guard let range = query.target else { return true }
            guard let target else { return false }
            return range.contains(target)
        }
    }
}

/// Versions as probes write them: `">=10"`, `"<16"`, `">=10 <16"`, `"15"` (a whole major release).
public struct VersionRange: Sendable, Hashable, CustomStringConvertible {
    public var lower: Version?
    /// Exclusive.
    public var upper: Version?
    public var description: String

    public static func parse(_ text: String) -> VersionRange? {
        var range = VersionRange(lower: nil, upper: nil, description: text)
        let parts = text.split(separator: " ")
        guard !parts.isEmpty else { return nil }
        for part in parts {
            if part.hasPrefix(">="), case .success(let version) = Version.parse(String(part.dropFirst(2))) {
                range.lower = version
            } else if part.hasPrefix("<"), !part.hasPrefix("<="), case .success(let version) = Version.parse(String(part.dropFirst())) {
                range.upper = version
            } else if parts.count == 1, case .success(let version) = Version.parse(String(part)) {
                range.lower = version
                range.upper = Version([version.major + 1])
            } else {
                return nil
            }
        }
        return range
    }

    public func contains(_ version: Version) -> Bool {
        if let lower, version.compare(atPrecisionOf: lower) < 0 { return false }
        if let upper, version.compare(atPrecisionOf: upper) >= 0 { return false }
        return true
    }
}
