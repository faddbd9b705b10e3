/// A span of whole months, as `check --stale` takes it: `12mo`, `18mo`, `2y`, `1y6mo`.
///
/// Review dates are months, so the span is too; `m` alone is refused because everywhere else in a
/// profile it means minutes.
public struct MonthSpan: Sendable, Hashable, CustomStringConvertible {
    public var months: Int

    public init(months: Int) { self.months = months }

    /// Nil unless the text is one or more `<number><unit>` parts with the units `mo`/`month(s)` and
    /// `y`/`yr`/`year(s)`, adding up to at least one month.
    public static func parse(_ text: String) -> MonthSpan? {
        let units: [String: Int] = ["mo": 1, "month": 1, "months": 1, "y": 12, "yr": 12, "year": 12, "years": 12]
        var total = 0
        var rest = Substring(text.lowercased().filter { $0 != " " })
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let unit = rest.dropFirst(digits.count).prefix { $0.isLetter }
            guard !digits.isEmpty, digits.count <= 4, let count = Int(digits), let factor = units[String(unit)] else { return nil }
            total += count * factor
            rest = rest.dropFirst(digits.count + unit.count)
        }
        return total > 0 ? MonthSpan(months: total) : nil
    }

    public var description: String {
        months == 1 ? "1 month" : "\(months) months"
    }
}
