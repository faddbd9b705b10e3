/// How long a step takes: a fixed time, or a rate over a profile quantity plus a fixed part.
///
/// Rates are content (`rate: 100 GB/h`, `of: data.size`), so the arithmetic here stays generic.
public enum Estimate: Sendable, Hashable {
    case fixed(TimeSpan)
    case rate(Throughput, of: String, plus: TimeSpan)

    /// The estimate for `profile`, or nil when the quantity it depends on is not stated.
    public func resolve(for profile: Profile) -> TimeSpan? {
        switch self {
        case .fixed(let time): return time
        case .rate(let rate, let path, let plus):
            guard let size = profile.size(path) else { return nil }
            return rate.time(for: size) + plus
        }
    }

    /// "about 20m", or "10 TB at 100 GB/h" when the quantity is missing.
    public func describe(for profile: Profile) -> String {
        switch self {
        case .fixed(let time): return time.description
        case .rate(let rate, let path, let plus):
            let extra = plus.seconds > 0 ? " + \(plus)" : ""
            guard let size = profile.size(path) else { return "\(path) at \(rate)\(extra) (\(path) not stated)" }
            return "\(rate.time(for: size) + plus) (\(size) at \(rate)\(extra))"
        }
    }
}

/// A command a step runs, possibly only for some profiles (`when`).
public struct Command: Sendable, Hashable {
    public var title: String?
    public var language: String
    public var code: String
    public var when: Condition

    public init(title: String?, language: String, code: String, when: Condition) {
        self.title = title
        self.language = language
        self.code = code
        self.when = when
    }
}
