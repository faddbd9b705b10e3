import PreflightKit
/// Reads durations and percentages as a plan writes them (`60 s`, `1 minute`, `45-minute`, `0.5%`,
/// `5 percent`) so that they compare as numbers with the profile's, whatever the unit.
public enum QuantityReader {
    /// A value found in text, in the unit of its kind (seconds for durations, percent for percentages).
    public struct Found: Sendable, Equatable {
        public var value: Double
        public var range: Range<String.Index>
    }

    public enum Dimension: Sendable {
        case duration, percentage

        /// The dimension of a profile value, when it is one the reader knows.
        public init?(_ value: FieldValue?) {
            switch value {
            case .duration?: self = .duration
            case .percentage?: self = .percentage
            default: return nil
            }
        }
    }

    /// The profile value in the reader's unit.
    public static func value(of field: FieldValue?) -> Double? {
        switch field {
        case .duration(let span)?: span.seconds
        case .percentage(let percent)?: percent.value
        default: nil
        }
    }

    // (Written for Swift's Regex, which has no lookbehind: the character before the number is matched, not asserted.)
    // A number not glued to a word or to a time of day (`00:45`, `T-14d`), then a unit. In a range
    // (`2–3 h`) the unit belongs to the last number, which is the one read.
    static let durationPattern = PlanPattern(
        "(?i)(?:^|[^A-Za-z0-9_:.-])([0-9]+(?:\\.[0-9]+)?)(?:\\s*|-)(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)(?![A-Za-z0-9_])")
    static let percentPattern = PlanPattern("(?i)(?:^|[^A-Za-z0-9_.])([0-9]+(?:\\.[0-9]+)?)\\s*(%|percent\\b|per cent\\b)")

    /// Every quantity of `dimension` in `text`, in order.
    public static func find(_ dimension: Dimension, in text: String) -> [Found] {
        switch dimension {
        case .duration:
            guard let pattern = durationPattern else { return [] }
            return text.matches(of: pattern).compactMap { match in
                guard let number = match.group(1), let unit = match.group(2),
                      case .success(let span) = TimeSpan.parse("\(text[number]) \(text[unit])") else { return nil }
                return Found(value: span.seconds, range: number.lowerBound..<unit.upperBound)
            }
        case .percentage:
            guard let pattern = percentPattern else { return [] }
            return text.matches(of: pattern).compactMap { match in
                guard let number = match.group(1), let unit = match.group(2),
                      let value = Double(text[number]) else { return nil }
                return Found(value: value, range: number.lowerBound..<unit.upperBound)
            }
        }
    }

    /// The quantity that goes with `anchor`: the closest one after it within `reach` characters ("lag
    /// above 60 s"), else the closest one just before it ("a 45-minute transaction", "60 s behind").
    public static func nearest(_ dimension: Dimension, in text: String, to anchor: Range<String.Index>,
                               reach: Int = 80, behind: Int = 24) -> Found? {
        let all = find(dimension, in: text)
        let after = all.filter { $0.range.lowerBound >= anchor.upperBound }
            .map { ($0, text.distance(from: anchor.upperBound, to: $0.range.lowerBound)) }
            .filter { $0.1 <= reach }
        if let closest = after.min(by: { $0.1 < $1.1 }) { return closest.0 }
        let before = all.filter { $0.range.upperBound <= anchor.lowerBound }
            .map { ($0, text.distance(from: $0.range.upperBound, to: anchor.lowerBound)) }
            .filter { $0.1 <= behind }
        return before.min(by: { $0.1 < $1.1 })?.0
    }
}
