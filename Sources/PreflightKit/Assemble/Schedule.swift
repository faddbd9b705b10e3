import Foundation

/// The maintenance window as instants, shown in each customer time zone.
///
/// Times come from the profile only (`window.starts`, `window.timezone`, `window.duration`), never
/// from the clock, so that notices are the same bytes on every build.
public struct Schedule: Sendable {
    public var start: Date
    public var end: Date
    /// The window in each zone the profile lists for customers (or the window's own zone).
    public var local: [LocalWindow]

    public struct LocalWindow: Sendable, Hashable {
        public var zone: String
        /// `Sun 6 Dec 2026, 02:00`
        public var starts: String
        /// `02:20` or `Mon 7 Dec 2026, 01:00` when the day changes.
        public var ends: String
        /// `UTC−05:00`
        public var offset: String
    }

    /// Nil when the profile lacks a start, a time zone or a duration, or names an unknown zone.
    public init?(profile: Profile) {
        guard let starts = profile.text("window.starts"), let zoneName = profile.text("window.timezone"),
              let duration = profile.duration("window.duration"), let zone = TimeZone(identifier: zoneName),
              let start = Self.date(starts, in: zone)
        else { return nil }
        let end = start.addingTimeInterval(duration.seconds)
        self.start = start
        self.end = end
        var zones = profile.list("customers.timezones")
        if zones.isEmpty { zones = [zoneName] }
        local = zones.compactMap { name in
            TimeZone(identifier: name).map { Self.localWindow(start: start, end: end, zone: $0, name: name) }
        }
    }

    static func date(_ text: String, in zone: TimeZone) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count >= 2 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0],
                                                  minute: time[1], second: time.count > 2 ? time[2] : 0))
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func localWindow(start: Date, end: Date, zone: TimeZone, name: String) -> LocalWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let a = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: start)
        let b = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: end)
        func day(_ c: DateComponents) -> String {
            "\(weekdays[(c.weekday ?? 1) - 1]) \(c.day ?? 0) \(months[(c.month ?? 1) - 1]) \(c.year ?? 0)"
        }
        func time(_ c: DateComponents) -> String { String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0) }
        let sameDay = a.year == b.year && a.month == b.month && a.day == b.day
        let seconds = zone.secondsFromGMT(for: start)
        let sign = seconds < 0 ? "−" : "+"
        let offset = String(format: "UTC%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        return LocalWindow(zone: name, starts: "\(day(a)), \(time(a))", ends: sameDay ? time(b) : "\(day(b)), \(time(b))",
                           offset: offset)
    }

    /// `20261206T070000Z`, as iCalendar writes UTC times.
    static func icalendar(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                      c.minute ?? 0, c.second ?? 0)
    }

    /// Values for notice templates: `{{#schedule}}{{zone}}: {{starts}}–{{ends}} ({{offset}}){{/schedule}}`.
    var templateValues: [[String: String]] {
        local.map { ["zone": $0.zone, "starts": $0.starts, "ends": $0.ends, "offset": $0.offset] }
    }
}
