import Foundation

/// Everything assembled for one profile: documents for the renderers and files that need no rendering.
public struct Assembly: Sendable {
    public var documents: [Document]
    /// Files written as they are, such as `comms/maintenance.ics`.
    public var files: [OutputFile]
    /// The checklist as data, which the exports for issue trackers and wikis render.
    public var checklist: Checklist
}

/// Builds every document of one profile from its selection.
public struct Assembler: Sendable {
    /// `SOURCE_DATE_EPOCH`, when set, stamps generated calendars; nothing reads the clock.
    public var sourceDate: Date?

    public init(sourceDate: Date? = nil) {
        self.sourceDate = sourceDate
    }

    /// Every document of the profile: views of its plan, and of its selection for the guidance.
    public func assemble(_ plan: Plan, selection: Selection, content: ContentSet) -> Assembly {
        let profile = selection.profile
        let schedule = Schedule(profile: profile)
        let renderer = BodyRenderer(profile: profile, vocabulary: content.vocabulary, strings: content.theme.strings,
                                    schedule: schedule)
        // Judged once: the register, the overview and the product manager's view show the same risks.
        let risks = RiskRegisterBuilder().risks(selection, plan: plan, rules: content.riskRules, renderer: renderer)
        let notices = NoticeBuilder()
        let strategies = StrategyBuilder()
        let checklists = ChecklistBuilder()
        let checklist = checklists.checklist(plan, renderer: renderer, readers: selection.readers)
        // The builders only read the plan and the selection, so they run side by side; the wiki then
        // carries some of their documents as pages. Results come back in the order listed.
        let tasks: [@Sendable () -> [Document]] = [
            { [checklists.document(checklist)] },
            { [RunbookBuilder().build(plan, renderer: renderer), RunbookBuilder().preparation(plan, renderer: renderer)] },
            { [RiskRegisterBuilder().build(selection, risks: risks, renderer: renderer)] },
            { [strategies.memo(plan, renderer: renderer)] },
            { [PromptBuilder().document(selection, renderer: renderer)] },
            { [RubricBuilder().build(selection, renderer: renderer)] },
            { notices.documents(notices.notices(selection, renderer: renderer), profile: profile, schedule: schedule,
                              strings: content.theme.strings) },
            { RoleViewBuilder().build(plan, selection: selection, risks: risks, renderer: renderer, schedule: schedule) },
        ]
        let built = parallelMap(tasks) { $0() }
        var documents = built.flatMap { $0 }
        documents += WikiBuilder().build(selection, renderer: renderer, documents: documents)
        let context = OverviewBuilder.Context(
            strategy: strategies.advice(plan, vocabulary: content.vocabulary),
            noGo: plan.noGo, switchMoment: PlanRendering.switchMoment(plan),
            timeline: RunbookBuilder.timeline(plan),
            gaps: ProfileLint().gaps(profile, content: content),
            risks: risks)
        documents.insert(OverviewBuilder().build(selection, renderer: renderer, documents: documents, schedule: schedule,
                                                 context: context), at: 0)
        var files: [OutputFile] = []
        for document in documents {
            for section in document.sections {
                for case .figure(let svg, _, let file) in section.blocks where !files.contains(where: { $0.path == file }) {
                    files.append(OutputFile(path: file, text: svg))
                }
            }
        }
        if let ics = notices.calendar(profile, schedule: schedule, stamp: sourceDate) {
            files.append(OutputFile(path: "comms/maintenance.ics", text: ics))
        }
        return Assembly(documents: documents, files: files, checklist: checklist)
    }

    /// The date in `SOURCE_DATE_EPOCH`, if the environment sets a valid one.
    public static func sourceDateFromEnvironment() -> Date? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds >= 0 else {
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
