/// A strategy judged against one profile: the reasons that rule it out, or its timing and data loss.
public struct StrategyAssessment: Sendable {
    public var item: Item
    /// Why the strategy cannot serve this profile; empty when it can.
    public var eliminations: [String]
    /// Concerns that do not rule it out (a worst case past the window, a requirement stated in words).
    public var cautions: [String]
    public var downtime: (low: TimeSpan, high: TimeSpan)?
    public var rpo: TimeSpan?
    /// Whether the strategy is meant for this engine pair and hosting at all; one that is not is
    /// neither recommended nor listed among the ruled-out options.
    public var fits = true
    /// How many tests its conditions and requirements make: ties go to the more specific strategy.
    public var specificity = 0

    public var eligible: Bool { eliminations.isEmpty }
}

/// Ranks the content's strategies for a profile: eliminates each one that violates the window, the RTO
/// or RPO, the tool inventory, the engine pair or the hosting, with its reason, and orders the rest by
/// worst-case downtime, then data loss.
public struct StrategyAdvisor: Sendable {
    public init() {}

    public func assess(_ content: ContentSet, for profile: Profile) -> [StrategyAssessment] {
        let evaluator = ConditionEvaluator(profile: profile)
        let assessments = content.items.filter { $0.kind == .strategy }.map { assess($0, profile: profile, evaluator: evaluator) }
        return assessments.sorted { lhs, rhs in
            if lhs.eligible != rhs.eligible { return lhs.eligible }
            let a = lhs.downtime?.high.seconds ?? .infinity, b = rhs.downtime?.high.seconds ?? .infinity
            if a != b { return a < b }
            let c = lhs.rpo?.seconds ?? .infinity, d = rhs.rpo?.seconds ?? .infinity
            if c != d { return c < d }
            if lhs.specificity != rhs.specificity { return lhs.specificity > rhs.specificity }
            return (lhs.item.order, lhs.item.id) < (rhs.item.order, rhs.item.id)
        }
    }

    func assess(_ item: Item, profile: Profile, evaluator: ConditionEvaluator) -> StrategyAssessment {
        let spec = item.strategy ?? StrategySpec()
        var out: [String] = []
        var cautions: [String] = []
        let (applies, trace) = evaluator.explain(item.when)
        if !applies {
            out.append("does not fit this migration: needs " + Self.unmet(trace))
        }
        let unavailable = Set(profile.list("tools.unavailable").map { $0.lowercased() })
        let available = Set(profile.list("tools.available").map { $0.lowercased() })
        func usable(_ tool: String) -> Bool {
            !unavailable.contains(tool.lowercased()) && (available.isEmpty || available.contains(tool.lowercased()))
        }
        for tool in spec.tools where !usable(tool) {
            out.append(unavailable.contains(tool.lowercased())
                       ? "needs `\(tool)`, which the profile lists as unavailable"
                       : "needs `\(tool)`, which is not in the profile's tool inventory")
        }
        if !spec.anyTools.isEmpty, !spec.anyTools.contains(where: usable) {
            out.append("needs one of \(spec.anyTools.map { "`\($0)`" }.joined(separator: ", ")); none is available")
        }
        for finding in profile.measured?.findings ?? [] where finding.rulesOut.contains(item.id) {
            out.append("ruled out by what was \(profile.measured!.measuredLabel): \(finding.message)")
        }
        var fits = applies
        if !spec.hosting.isEmpty, let hosting = profile.text("target.hosting"), !spec.hosting.contains(hosting) {
            out.append("runs on \(spec.hosting.joined(separator: ", ")) targets; this target is `\(hosting)`")
            fits = false
        }
        for exclusion in spec.excludes where evaluator.evaluate(exclusion.when) {
            out.append(exclusion.reason)
        }
        let downtime = spec.downtime?.range(for: profile)
        if let downtime, let window = profile.duration("window.duration") {
            let detail = spec.downtime?.describe(for: profile) ?? downtime.high.description
            if downtime.low > window {
                out.append("needs at least \(downtime.low) of downtime (\(detail)); the window is \(window)")
            } else if downtime.high > window {
                cautions.append("may need up to \(downtime.high) of downtime (\(detail)); the window is \(window)")
            }
        } else if spec.downtime?.isRate == true, profile["data.size"] == nil {
            cautions.append("its downtime depends on the data volume, which the profile does not state")
        }
        if let downtime, let rto = profile.duration("objectives.rto"), downtime.low > rto {
            out.append("cannot meet the RTO of \(rto): writes stop for at least \(downtime.low)")
        }
        if let rpo = spec.rpo, let objective = profile.duration("objectives.rpo"), rpo > objective {
            out.append("can lose up to \(rpo) of committed data; the RPO is \(objective)")
        }
        if let topology = spec.topology { cautions.append("topology: \(topology)") }
        var assessment = StrategyAssessment(item: item, eliminations: out, cautions: cautions, downtime: downtime, rpo: spec.rpo)
        assessment.fits = fits
        assessment.specificity = trace.filter(\.isTest).count + (spec.hosting.isEmpty ? 0 : 1)
        return assessment
    }

    /// The top-level tests a condition failed, as written: `x: y` that must hold, `not x: y` that
    /// must not, and groups of alternatives none of which holds.
    static func unmet(_ trace: [ConditionEvaluator.Trace]) -> String {
        var parts: [String] = []
        var index = 0
        while index < trace.count {
            let line = trace[index]
            var end = index + 1
            while end < trace.count, trace[end].depth > line.depth { end += 1 }
            defer { index = end }
            guard line.depth == 0, !line.passed else { continue }
            let children = trace[(index + 1)..<end].filter { $0.isTest && $0.depth == line.depth + 1 }
            func stated(_ test: ConditionEvaluator.Trace) -> String { "`\(test.label)` (profile: \(test.actual ?? "not stated"))" }
            if line.isTest {
                parts.append(stated(line))
            } else if line.label == "none of:" {
                parts += children.filter(\.passed).map { "not " + stated($0) }
            } else {
                parts.append("one of " + children.map(stated).joined(separator: ", "))
            }
        }
        return parts.isEmpty ? "other conditions" : parts.joined(separator: ", ")
    }
}

/// Versions a same-engine upgrade must pass through, from the vocabulary's `upgrade_path`.
public enum UpgradePath {
    /// `["4.4", "5.0", "6.0"]` for MongoDB 4.4 → 6.0; nil when the engine may jump, or versions are missing.
    public static func hops(for profile: Profile, vocabulary: Vocabulary) -> [Version]? {
        guard case .engine(let source)? = profile["source.engine"], case .engine(let target)? = profile["target.engine"],
              vocabulary.family(of: source) == vocabulary.family(of: target),
              let path = vocabulary.engines[target]?.upgradePath ?? vocabulary.engines[source]?.upgradePath, !path.isEmpty,
              let from = profile.version("source.version"), let to = profile.version("target.version")
        else { return nil }
        func index(_ version: Version) -> Int? {
            path.lastIndex { version.compare(atPrecisionOf: $0) >= 0 }
        }
        guard let start = index(from), let end = index(to), end >= start else { return nil }
        return Array(path[start...end])
    }
}
