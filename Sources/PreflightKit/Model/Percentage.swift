/// A percentage such as an error-rate threshold: `0.5%` is stored as 0.5.
public struct Percentage: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public static func parse(_ text: String) -> Result<Percentage, QuantityParseError> {
        let hint = "write a number followed by `%`, such as `0.5%`"
        guard let parts = UnitParsing.split(text) else {
            return .failure(.init(message: "`\(text)` is not a percentage", hint: hint))
        }
        if parts.unit == "%" || (parts.unit.isEmpty && parts.number == 0) {
            return .success(Percentage(parts.number))
        }
        return .failure(.init(message: "`\(text)` is not a percentage", hint: hint))
    }

    public var description: String { "\(DataSize.format(value))%" }
    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.value < rhs.value }
}

