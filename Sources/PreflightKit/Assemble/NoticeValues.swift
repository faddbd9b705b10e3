import Foundation

/// What notices say, worked out for people: the service by the name customers know, the length of
/// the window in words, what customers can do in this window's mode only, the window in UTC and a
/// note where a customer's clocks change during it. Notices name no engine, version or step.
enum NoticeValues {
    /// `{{notice.product}}`, `{{notice.Product}}`, `{{notice.signature}}`, `{{notice.duration}}`,
    /// `{{notice.mode}}`, `{{notice.utc}}`, `{{notice.dst}}` (the last four only when known).
    static func values(_ profile: Profile, schedule: Schedule?, words: Strings.NoticeWords) -> [String: String] {
        let named = profile.text("service.name") ?? profile.text("customers.product")
        let product = named ?? words.service
        var values = [
            "product": product,
            "Product": product.prefix(1).uppercased() + product.dropFirst(),
            "signature": named.map { words.signatureWithService.replacingOccurrences(of: "{service}", with: $0) } ?? words.signature,
        ]
        if let duration = profile.duration("window.duration") { values["duration"] = duration.spoken }
        if let mode = profile.text("window.mode"), let text = words.modes[mode] {
            values["mode"] = text.prefix(1).uppercased() + text.dropFirst()
        }
        if let schedule {
            let utc = Schedule.localWindow(start: schedule.start, end: schedule.end, zone: TimeZone(identifier: "UTC")!, name: "UTC")
            values["utc"] = "\(utc.starts)–\(utc.ends)"
            let changing = schedule.local.filter { window in
                TimeZone(identifier: window.zone).map { $0.secondsFromGMT(for: schedule.start) != $0.secondsFromGMT(for: schedule.end) } ?? false
            }
            if !changing.isEmpty {
                values["dst"] = changing.map { words.daylightSaving.replacingOccurrences(of: "{zone}", with: $0.zone) }
                    .joined(separator: " ")
            }
        }
        return values
    }
}

extension TimeSpan {
    /// The span as people say it: `20 minutes`, `1 hour 30 minutes`, `2 days`.
    public var spoken: String {
        var remaining = Int((seconds / 60).rounded(.up))
        if remaining == 0 { return "less than a minute" }
        var parts: [String] = []
        for (name, size) in [("day", 1440), ("hour", 60), ("minute", 1)] where remaining >= size {
            let count = remaining / size
            parts.append("\(count) \(name)\(count == 1 ? "" : "s")")
            remaining %= size
        }
        return parts.joined(separator: " ")
    }
}
