import Foundation

/// Plan steps as the tasks documents show: the step's text and commands for the profile, with the
/// number, due date, clock and point of no return the plan gave it.
enum PlanRendering {
    static func task(_ step: Plan.Step, plan: Plan, renderer: BodyRenderer, evaluator: ConditionEvaluator) -> TaskEntry {
        var task = StepRendering.task(step.item, renderer: renderer, evaluator: evaluator)
        task.number = step.number
        task.pointOfNoReturn = step.pointOfNoReturn
        let profile = plan.profile
        // Rollback thresholds govern the decisions from the switch on, not the gates before it
        // (a disk-sizing gate is not passed or failed on replica lag).
        if task.thresholds != nil, !governedByTriggers(step, plan: plan) { task.thresholds = nil }
        task.evidence = evidence(for: step.id, profile: profile)
        if let due = step.due {
            task.clock = "due T-\(due)" + (dueDate(due, windowStarts: profile.text("window.starts")).map { " · \($0)" } ?? "")
        } else if step.offClock {
            task.clock = "off the rollback clock"
        } else if let start = step.start, let end = step.end {
            var clock = "T+\(RunbookBuilder.clock(start)) → T+\(RunbookBuilder.clock(end))"
            if step.phase == .cutover, let wall = WallClock(profile.text("window.starts")) {
                clock += " (\(wall.adding(start))–\(wall.adding(end)))"
            }
            task.clock = clock
            let limit = step.phase == .cutover ? profile.duration("window.duration") : profile.duration("rollback.max_duration")
            if let limit, end > limit { task.overflow = true }
        }
        return task
    }

    /// The findings of `inspect` that concern a step, each as one line of evidence.
    static func evidence(for stepID: String, profile: Profile) -> [String] {
        guard let measured = profile.measured else { return [] }
        return measured.findings.filter { $0.step == stepID }.map { line($0, measured) }
    }

    static func line(_ finding: InspectReport.Finding, _ report: InspectReport) -> String {
        "\(report.measuredLabel): \(finding.message) — \(finding.verdict)"
    }

    /// Whether the rollback triggers decide the step: gates from the point of no return on, after
    /// the switch and in the rollback.
    static func governedByTriggers(_ step: Plan.Step, plan: Plan) -> Bool {
        switch step.phase {
        case .afterCutover, .rollback: return true
        case .cutover:
            guard let point = plan.steps.firstIndex(where: \.pointOfNoReturn),
                  let index = plan.steps.firstIndex(where: { $0.id == step.id }) else { return false }
            return index >= point
        default: return false
        }
    }

    /// The point of no return as every document states it: the step, and when it ends on the clock
    /// (with the wall-clock time when the window's start is known). Nil without one.
    static func switchMoment(_ plan: Plan) -> String? {
        pointOfNoReturn(plan)?.text(escape: ProfileSummary.escape)
    }

    /// The point of no return as data: its number, its title and when it ends.
    static func pointOfNoReturn(_ plan: Plan) -> Checklist.Switch? {
        guard let point = plan.pointOfNoReturn else { return nil }
        var at: String?
        if let end = point.end {
            at = "T+\(RunbookBuilder.clock(end))" + (WallClock(plan.profile.text("window.starts")).map { " (\($0.adding(end)))" } ?? "")
        }
        return Checklist.Switch(number: point.number, title: point.item.title, at: at)
    }

    /// The calendar day a task is due: the window's local start date less the lead time.
    static func dueDate(_ lead: TimeSpan, windowStarts: String?) -> String? {
        guard let windowStarts, DateTimeText.isValid(windowStarts) else { return nil }
        let parts = windowStarts.prefix(10).split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard parts.count == 3, let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let due = calendar.date(byAdding: .day, value: -Int((lead.seconds / 86400).rounded(.up)), to: start)
        else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "EEE d MMM yyyy"
        return "by " + formatter.string(from: due)
    }
}
