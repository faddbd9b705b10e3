/// How long a step (or a strategy's downtime) takes: a fixed time, or data over a rate plus a fixed part.
///
/// Rates are content, written as a single rate or a range (`rate: 200 GB/h..500 GB/h`, slow first or
/// fast first), optionally capped by a throughput the profile states (`limit: hardware.disk_throughput`)
/// and labelled with what bounds them (`bound: io`), so the arithmetic here stays generic.
public struct Estimate: Sendable, Hashable {
    public enum Bound: String, Sendable, Hashable, CaseIterable {
        case io, cpu, network

        public var phrase: String {
            switch self {
            case .io: "I/O-bound"
            case .cpu: "CPU-bound"
            case .network: "network-bound"
            }
        }
    }

    /// The fixed part; the whole estimate when there is no rate.
    public var fixed: TimeSpan
    /// Fastest and slowest expected rates over `of`.
    public var fast: Throughput?
    public var slow: Throughput?
    /// The profile size field the rate applies to (`data.size`, `data.largest_table.size`).
    public var of: String?
    public var bound: Bound?
    /// A profile throughput field that caps the rate (disk or network speed).
    public var limit: String?
    /// The profile field (`rates.…`) that holds this kind of work's rate as a team's own rehearsal
    /// measured it; when the profile gives it, it replaces the planning rate, its margin and any cap.
    public var measured: String?

    public init(fixed: TimeSpan, fast: Throughput? = nil, slow: Throughput? = nil, of: String? = nil,
                bound: Bound? = nil, limit: String? = nil) {
        self.fixed = fixed
        self.fast = fast
        self.slow = slow
        self.of = of
        self.bound = bound
        self.limit = limit
    }

    public static func fixed(_ time: TimeSpan) -> Estimate { Estimate(fixed: time) }

    public var isRate: Bool { of != nil }

    /// Best and worst case for `profile`; nil when the size it depends on is not stated.
    public func range(for profile: Profile) -> (low: TimeSpan, high: TimeSpan)? {
        guard let of, let fast, let slow else { return (fixed, fixed) }
        guard let size = profile.size(of) else { return nil }
        if let rate = rehearsedRate(in: profile) { return (rate.time(for: size), rate.time(for: size)) }
        let cap = limit.flatMap { path -> Throughput? in
            if case .throughput(let value)? = profile[path] { return value }
            return nil
        }
        func capped(_ rate: Throughput) -> Throughput {
            guard let cap, cap < rate else { return rate }
            return cap
        }
        return (capped(fast).time(for: size) + fixed, capped(slow).time(for: size) + fixed)
    }

    /// The conservative (worst-case) time, which plans add up.
    public func resolve(for profile: Profile) -> TimeSpan? { range(for: profile)?.high }

    /// `6h (1 TB at 200 GB/h + 1h, I/O-bound)`, `1h–2h30m (…)`, or what is missing.
    /// The rate the profile's `measured` field gives, if any.
    public func rehearsedRate(in profile: Profile) -> Throughput? {
        guard let measured, case .throughput(let rate)? = profile[measured], rate.bytesPerSecond > 0 else { return nil }
        return rate
    }

    public func describe(for profile: Profile) -> String {
        guard let of, let fast, let slow else { return fixed.description }
        if let rate = rehearsedRate(in: profile), let measured, let size = profile.size(of) {
            return "\(rate.time(for: size)) (\(size) at \(rate) as rehearsed, `\(measured)`)"
        }
        let rate = fast == slow ? slow.description : "\(slow)–\(fast)"
        var detail = fixed.seconds > 0 ? "\(rate) + \(fixed)" : rate
        if let bound { detail += ", \(bound.phrase)" }
        guard let size = profile.size(of), let (low, high) = range(for: profile) else {
            return "\(of) at \(detail) (\(of) not stated)"
        }
        var capNote = ""
        if let limit, case .throughput(let cap)? = profile[limit], cap < fast { capNote = ", capped by \(limit) \(cap)" }
        let time = low == high ? high.description : "\(low)–\(high)"
        return "\(time) (\(size) at \(detail)\(capNote))"
    }
}

/// A command a step runs, possibly only for some profiles (`when`).
public struct Command: Sendable, Hashable {
    /// The server an SQL command runs on, for `rehearse` (shell commands name theirs in the code).
    public enum Side: String, Sendable, Hashable, CaseIterable { case source, target }

    public var title: String?
    public var language: String
    public var code: String
    public var when: Condition
    public var on: Side?
    /// What a person must do and confirm, for a command that cannot run as written (a console, a
    /// call to the vendor); nil for a runnable command.
    public var manual: String?

    public init(title: String?, language: String, code: String, when: Condition) {
        self.title = title
        self.language = language
        self.code = code
        self.when = when
    }
}
