import Foundation

/// The type of a profile field; decides how its values are read and which condition tests fit it.
public enum FieldType: String, Sendable, Hashable {
    case engine, version, size, duration, percentage, throughput, number, boolean, text, list, dateTime, timeZone

    /// Whether `<`, `>=`, ranges and the like make sense for this type.
    public var isOrdered: Bool {
        switch self {
        case .version, .size, .duration, .percentage, .throughput, .number: true
        default: false
        }
    }

    /// How the type is named in messages: "a version such as `15` or `12.17`".
    public var phrase: String {
        switch self {
        case .engine: "an engine name such as `postgresql` or `mysql`"
        case .version: "a version such as `15` or `12.17`"
        case .size: "a data size such as `500GB` or `1 TB`"
        case .duration: "a duration such as `20m` or `1h30m`"
        case .percentage: "a percentage such as `0.5%`"
        case .throughput: "a throughput such as `250MB/s` or `100 GB/h`"
        case .number: "a number"
        case .boolean: "true or false"
        case .text: "a word or phrase"
        case .list: "a list of words"
        case .dateTime: "a local date and time such as `2026-12-06T02:00`"
        case .timeZone: "an IANA time zone such as `America/New_York`"
        }
    }
}

/// A typed value of a profile field, or a value to compare one with.
public enum FieldValue: Sendable, Hashable, CustomStringConvertible {
    case engine(String)
    case version(Version)
    case size(DataSize)
    case duration(TimeSpan)
    case percentage(Percentage)
    case throughput(Throughput)
    case number(Double)
    case boolean(Bool)
    case text(String)
    case list([String])

    public var description: String {
        switch self {
        case .engine(let value), .text(let value): value
        case .version(let value): value.description
        case .size(let value): value.description
        case .duration(let value): value.description
        case .percentage(let value): value.description
        case .throughput(let value): value.description
        case .number(let value): DataSize.format(value)
        case .boolean(let value): value ? "true" : "false"
        case .list(let values): values.joined(separator: ", ")
        }
    }

    /// -1, 0 or 1 when both values are of one ordered type; nil otherwise.
    /// Versions compare at the precision of `other`, the value written in the condition.
    public func compare(to other: FieldValue) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a == b ? 0 : 1) }
        switch (self, other) {
        case let (.version(a), .version(b)): return a.compare(atPrecisionOf: b)
        case let (.size(a), .size(b)): return order(a, b)
        case let (.duration(a), .duration(b)): return order(a, b)
        case let (.percentage(a), .percentage(b)): return order(a, b)
        case let (.throughput(a), .throughput(b)): return order(a, b)
        case let (.number(a), .number(b)): return order(a, b)
        default: return nil
        }
    }
}

extension FieldType {
    /// Values past these are typing mistakes, not databases: refused rather than computed with.
    static let limits: (size: Double, seconds: Double, bytesPerSecond: Double, number: Double) =
        (1e18, 366 * 86400, 1e13, 1e12)

    /// Refuses absurd values (a 10^30 TB database, a ten-year window) with the limit in the message.
    func checkLimits(_ value: FieldValue, text: String) -> QuantityParseError? {
        func error(_ what: String) -> QuantityParseError {
            QuantityParseError(message: "`\(text)` is beyond any real migration (\(what))",
                               hint: "check the unit and the number of digits")
        }
        switch value {
        case .size(let size) where size.bytes > Self.limits.size: return error("the limit is 1 EB")
        case .duration(let time) where time.seconds > Self.limits.seconds: return error("the limit is one year")
        case .throughput(let rate) where rate.bytesPerSecond > Self.limits.bytesPerSecond: return error("the limit is 10 TB/s")
        case .percentage(let percent) where percent.value > 100: return error("a percentage is at most 100%")
        case .number(let number) where number > Self.limits.number: return error("the limit is 10^12")
        default: return nil
        }
    }

    /// Reads `text` as a value of this type. Engines are canonicalised through `vocabulary`.
    public func parse(_ text: String, vocabulary: Vocabulary) -> Result<FieldValue, QuantityParseError> {
        let result = parseUnchecked(text, vocabulary: vocabulary)
        if case .success(let value) = result, let error = checkLimits(value, text: text) { return .failure(error) }
        return result
    }

    func parseUnchecked(_ text: String, vocabulary: Vocabulary) -> Result<FieldValue, QuantityParseError> {
        switch self {
        case .engine:
            let key = text.trimmingSpaces.lowercased()
            if let engine = vocabulary.canonicalEngine(key) { return .success(.engine(engine)) }
            let hint = Suggestion.closest(to: key, among: vocabulary.engineNamesAndAliases)
                .map { "did you mean `\($0)`?" } ?? "known engines: \(vocabulary.engines.keys.sorted().joined(separator: ", "))"
            return .failure(.init(message: "`\(text)` is not a known engine", hint: hint))
        case .version: return Version.parse(text).map(FieldValue.version)
        case .size: return DataSize.parse(text).map(FieldValue.size)
        case .duration: return TimeSpan.parse(text).map(FieldValue.duration)
        case .percentage: return Percentage.parse(text).map(FieldValue.percentage)
        case .throughput: return Throughput.parse(text).map(FieldValue.throughput)
        case .number:
            guard let parts = UnitParsing.split(text), parts.unit.isEmpty else {
                return .failure(.init(message: "`\(text)` is not a number", hint: "write digits, such as `3` or `1200000`"))
            }
            return .success(.number(parts.number))
        case .boolean:
            switch text.trimmingSpaces.lowercased() {
            case "true", "yes", "on": return .success(.boolean(true))
            case "false", "no", "off": return .success(.boolean(false))
            default: return .failure(.init(message: "`\(text)` is not true or false", hint: "write `true` or `false`"))
            }
        case .text, .timeZone, .dateTime:
            let value = text.trimmingSpaces
            if self == .dateTime, !DateTimeText.isValid(value) {
                return .failure(.init(message: "`\(text)` is not a local date and time",
                                      hint: "write a date that exists, as `YYYY-MM-DDTHH:MM` between 1970 and 9999, such as `2026-12-06T02:00`"))
            }
            if self == .timeZone, TimeZone(identifier: value) == nil {
                // An unknown zone would silently drop the calendar and every local time of the notices.
                let hint = Suggestion.closest(to: value, among: TimeZone.knownTimeZoneIdentifiers).map { "did you mean `\($0)`?" }
                    ?? "use an IANA time zone such as `America/New_York` or `Europe/Berlin`"
                return .failure(.init(message: "`\(text)` is not a known time zone", hint: hint))
            }
            return .success(.text(value))
        case .list: return .success(.list([text.trimmingSpaces]))
        }
    }
}

/// Checks the `YYYY-MM-DDTHH:MM[:SS]` form without a clock or a calendar service.
enum DateTimeText {
    /// A date that exists (no 31 February) in the years a calendar file can carry, at a time of day.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2 else { return false }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, (2...3).contains(time.count), (1970...9999).contains(date[0]), (1...12).contains(date[1])
        else { return false }
        let leap = date[0] % 4 == 0 && (date[0] % 100 != 0 || date[0] % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date[1] - 1]
        return (1...days).contains(date[2]) && (0...23).contains(time[0])
            && (0...59).contains(time[1]) && (time.count == 2 || (0...60).contains(time[2]))
    }
}
