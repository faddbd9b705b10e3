import Foundation

/// Everything assembled for one profile: documents for the renderers and files that need no rendering.
public struct Assembly: Sendable {
    public var documents: [Document]
    /// Files written as they are, such as `comms/maintenance.ics`.
    public var files: [OutputFile]
}

/// Builds every document of one profile from its selection.
public struct Assembler: Sendable {
    /// `SOURCE_DATE_EPOCH`, when set, stamps generated calendars; nothing reads the clock.
    public var sourceDate: Date?

    public init(sourceDate: Date? = nil) { self.sourceDate = sourceDate }

    public func assemble(_ selection: Selection, content: ContentSet) -> Assembly {
        let profile = selection.profile
        let schedule = Schedule(profile: profile)
        let renderer = BodyRenderer(profile: profile, vocabulary: content.vocabulary,
                                    computed: ["schedule": schedule?.templateValues ?? []])
        let checklist = ChecklistBuilder().build(selection, renderer: renderer)
        let runbook = RunbookBuilder().build(selection, renderer: renderer)
        let wiki = WikiBuilder().build(selection, renderer: renderer, checklist: checklist)
        let notices = NoticeBuilder()
        let rendered = notices.notices(selection, renderer: renderer)
        let comms = notices.documents(rendered, profile: profile, schedule: schedule)
        let roles = RoleViewBuilder().build(selection, renderer: renderer, schedule: schedule)
        var documents = [checklist, runbook] + comms + roles + wiki
        documents.insert(OverviewBuilder().build(selection, renderer: renderer, documents: documents, schedule: schedule), at: 0)
        var files: [OutputFile] = []
        if let ics = notices.calendar(profile, schedule: schedule, stamp: sourceDate) {
            files.append(OutputFile(path: "comms/maintenance.ics", text: ics))
        }
        return Assembly(documents: documents, files: files)
    }

    /// The date in `SOURCE_DATE_EPOCH`, if the environment sets a valid one.
    public static func sourceDateFromEnvironment() -> Date? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds >= 0 else {
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
