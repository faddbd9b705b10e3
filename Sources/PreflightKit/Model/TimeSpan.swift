/// A span of time in seconds, read from the forms people write: `20m`, `1h30m`, `90 min`, `45s`, `2 hours`.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }
    public static func minutes(_ value: Double) -> TimeSpan { TimeSpan(seconds: value * 60) }

    static let units: [String: Double] = [
        "ms": 0.001, "msec": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86400, "day": 86400, "days": 86400,
        "w": 604_800, "week": 604_800, "weeks": 604_800,
    ]

    /// Reads one or more number-unit pairs (`1h30m`, `1 h 30 min`); a bare `0` is zero.
    public static func parse(_ text: String) -> Result<TimeSpan, QuantityParseError> {
        let hint = "write a number and a unit, such as `20m`, `1h30m`, `45s` or `2 hours`"
        var rest = Substring(text.trimmingSpaces)
        if rest == "0" { return .success(TimeSpan(seconds: 0)) }
        if rest.hasPrefix("-") {
            return .failure(.init(message: "`\(text)` is negative; a duration cannot be", hint: hint))
        }
        var total = 0.0
        var pairs = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else {
                return .failure(.init(message: "`\(text)` is not a duration", hint: hint))
            }
            rest = rest.dropFirst(number.count).drop { $0 == " " }
            let unit = rest.prefix { $0.isLetter }
            guard !unit.isEmpty else {
                return .failure(.init(message: "`\(text)` has a number without a unit", hint: hint))
            }
            guard let factor = units[unit.lowercased()] else {
                return .failure(.init(message: "`\(unit)` is not a unit of time", hint: hint))
            }
            total += value * factor
            pairs += 1
            rest = rest.dropFirst(unit.count).drop { $0 == " " || $0 == "," }
        }
        guard pairs > 0 else { return .failure(.init(message: "`\(text)` is empty", hint: hint)) }
        return .success(TimeSpan(seconds: total))
    }

    /// Compact form: `1h30m`, `20m`, `45s`, `1.5s`, `0s`.
    public var description: String {
        if seconds < 1, seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60, seconds != seconds.rounded() { return "\(DataSize.format(seconds))s" }
        var remaining = Int(seconds.rounded())
        if remaining == 0 { return "0s" }
        var text = ""
        for (name, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where remaining >= size {
            text += "\(remaining / size)\(name)"
            remaining %= size
        }
        return text
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan { TimeSpan(seconds: lhs.seconds + rhs.seconds) }
}
