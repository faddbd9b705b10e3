import Foundation

/// A calendar month, or a day within one, as items date their review (`reviewed: 2026-12`) and their
/// dated facts (`as_of: 2026-12-01`). No time and no zone: these are dates people write, not instants.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    /// Nil when only the month was written.
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM`, or `YYYY-MM-DD` when `allowDay` is true; nil unless the month and day exist
    /// (`2026-13` and `2026-02-30` are refused).
    public static func parse(_ text: String, allowDay: Bool) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = parts.map(\.count)
        guard widths == [4, 2] || (allowDay && widths == [4, 2, 2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        guard parts.count == 3 else { return CalendarDate(year: year, month: month) }
        guard let day = Int(parts[2]), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The date part of a profile's `window.starts` (`2026-12-06T02:00`).
    public static func parseDatePart(of dateTime: String) -> CalendarDate? {
        parse(String(dateTime.prefix { $0 != "T" && $0 != " " }), allowDay: true)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Months since year 0, so that spans are plain subtraction.
    public var monthNumber: Int { year * 12 + month - 1 }

    /// The same day `months` later (earlier when negative); the month alone when no day was written,
    /// and the last day of a shorter month when the day does not exist there.
    public func adding(months: Int) -> CalendarDate {
        let number = monthNumber + months
        let year = number >= 0 ? number / 12 : (number - 11) / 12
        let month = number - year * 12 + 1
        return CalendarDate(year: year, month: month, day: day.map { min($0, Self.daysIn(month: month, year: year)) })
    }

    /// The month alone, for dates compared at month precision.
    public var monthOnly: CalendarDate { CalendarDate(year: year, month: month) }

    /// A date without a day counts as the first of its month: the earliest day it can mean.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 1) < (rhs.year, rhs.month, rhs.day ?? 1)
    }

    public var description: String {
        let head = String(format: "%04d-%02d", year, month)
        return day.map { head + String(format: "-%02d", $0) } ?? head
    }

    /// Today in UTC: the day `SOURCE_DATE_EPOCH` names when it is set (so that reports can be
    /// reproduced), else the clock's.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        var seconds = Date().timeIntervalSince1970
        if let text = environment["SOURCE_DATE_EPOCH"], let epoch = Int(text), epoch >= 0 { seconds = TimeInterval(epoch) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
