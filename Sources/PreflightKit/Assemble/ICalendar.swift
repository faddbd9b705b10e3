import Foundation

/// A maintenance window as an RFC 5545 calendar with one event.
///
/// Lines end in CRLF and fold at 75 octets; text values escape `\`, `;`, `,` and line breaks. The
/// UID depends only on the profile id, so calendars update the event instead of adding a new one,
/// and DTSTAMP comes from `SOURCE_DATE_EPOCH` or the window itself, never from the clock.
public struct ICalendar: Sendable {
    public var uid: String
    public var summary: String
    public var description: String
    public var start: Date
    public var end: Date
    public var stamp: Date
    public var organizer: String?

    public init(uid: String, summary: String, description: String, start: Date, end: Date, stamp: Date,
                organizer: String?) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.start = start
        self.end = end
        self.stamp = stamp
        self.organizer = organizer
    }

    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Preflight//Maintenance notice//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "BEGIN:VEVENT",
            "UID:" + Self.escape(uid),
            "DTSTAMP:" + Schedule.icalendar(stamp),
            "DTSTART:" + Schedule.icalendar(start),
            "DTEND:" + Schedule.icalendar(end),
            "SUMMARY:" + Self.escape(summary),
            "DESCRIPTION:" + Self.escape(description),
            "STATUS:CONFIRMED", "TRANSP:OPAQUE",
        ]
        if let organizer, !organizer.isEmpty, !organizer.contains(where: { $0.isNewline || $0 == ":" || $0 == ";" }) {
            lines.append("ORGANIZER:mailto:" + organizer)
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping of RFC 5545 section 3.3.11.
    static func escape(_ text: String) -> String {
        text.replacingCharacters(["\\": "\\\\", ";": "\\;", ",": "\\,", "\r\n": "\\n", "\n": "\\n", "\r": "\\n"])
    }

    /// Folds a content line into 75-octet pieces without splitting a UTF-8 sequence (section 3.1).
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74 // continuation lines start with a space
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
