import Foundation

/// Customer-success notices: each `notice` item rendered over the profile and the window in every
/// customer time zone, a page that gathers them, and the `.ics` event.
public struct NoticeBuilder: Sendable {
    public init() {}

    /// A rendered notice: its channel, subject and Markdown text.
    public struct Notice: Sendable {
        public var id: String
        public var channel: String
        public var subject: String
        public var body: String
    }

    public func notices(_ selection: Selection, renderer: BodyRenderer) -> [Notice] {
        selection.decisions.filter { $0.item.kind == .notice && $0.conditionHolds }.map(\.item).map { item in
            Notice(id: item.id, channel: item.extras["channel"]?.string ?? item.id,
                   subject: renderer.renderPlain(item.extras["subject"]?.string ?? item.title).trimmingSpaces,
                   body: renderer.render(item.body).trimmingSpaces)
        }
    }

    public func documents(_ notices: [Notice], profile: Profile, schedule: Schedule?, strings: Strings) -> [Document] {
        var pages = notices.map { notice in
            Document(path: "comms/\(notice.id)", title: notice.subject,
                     sections: [Section(id: "text", title: "", blocks: [.markdown(notice.body)])], formats: [.markdown])
        }
        var blocks: [Block] = [.markdown(Self.windowTable(profile, schedule: schedule))]
        if schedule != nil {
            blocks.append(.markdown("Add the window to a calendar: [maintenance.ics](maintenance.ics)."))
        }
        var sections = [Section(id: "window", title: "The window in customer time zones", blocks: blocks)]
        for notice in notices {
            sections.append(Section(id: notice.id, title: strings.channels[notice.channel] ?? notice.channel, blocks: [
                .markdown("**Subject:** \(ProfileSummary.escape(notice.subject))\n\n\(notice.body)\n\n[Plain text](\(notice.id).md)"),
            ]))
        }
        pages.append(Document(path: "comms/index", title: "Customer notices — \(profile.name)",
                              summary: strings.summary(of: "comms"),
                              sections: sections, formats: [.html, .markdown]))
        return pages
    }

    static func windowTable(_ profile: Profile, schedule: Schedule?) -> String {
        guard let schedule else {
            return "_The profile does not give the window's start, time zone and length, so the notices cannot state the time._"
        }
        var rows = ["| Time zone | Starts | Ends | Offset |", "| --- | --- | --- | --- |"]
        for window in schedule.local {
            rows.append("| \(window.zone) | \(window.starts) | \(window.ends) | \(window.offset) |")
        }
        return rows.joined(separator: "\n")
    }

    /// The `.ics` event for the window; nil without a schedule.
    public func calendar(_ profile: Profile, schedule: Schedule?, stamp: Date?) -> String? {
        guard let schedule else { return nil }
        // What customers know the service by; never the profile's name, which names engines and versions.
        let product = profile.text("service.name") ?? profile.text("customers.product") ?? "Our service"
        var description = "Scheduled database maintenance for \(product)."
        if let mode = profile.text("window.mode") { description += " Mode during the window: \(mode)." }
        if let contact = profile.text("customers.contact") { description += " Questions: \(contact)." }
        return ICalendar(uid: "maintenance-\(ContentHash(profile.id))@preflight", summary: "\(product) scheduled maintenance",
                         description: description, start: schedule.start, end: schedule.end,
                         stamp: stamp ?? schedule.start, organizer: profile.text("customers.contact")).render()
    }
}
