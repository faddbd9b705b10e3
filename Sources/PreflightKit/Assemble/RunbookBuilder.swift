import Foundation

/// The cutover runbook: numbered steps with commands, a running clock against the window, the point
/// of no return, and a rollback procedure with its own clock against the rollback limit.
public struct RunbookBuilder: Sendable {
    public init() {}

    public func build(_ selection: Selection, renderer: BodyRenderer) -> Document {
        let profile = selection.profile
        let evaluator = ConditionEvaluator(profile: profile)
        let steps = selection.included.filter { $0.kind == .step }
        func tasks(_ phase: Phase) -> [TaskEntry] {
            steps.filter { $0.phase == phase }.map { StepRendering.task($0, renderer: renderer, evaluator: evaluator) }
        }
        let window = profile.duration("window.duration")
        let start = WallClock(profile.text("window.starts"))
        var cutover = Self.number(tasks(.cutover), prefix: "", steps: steps, phase: .cutover, profile: profile,
                                  limit: window, start: start)
        let rollback = Self.number(tasks(.rollback), prefix: "R", steps: steps, phase: .rollback, profile: profile,
                                   limit: profile.duration("rollback.max_duration"), start: nil)
        if !cutover.tasks.contains(where: \.pointOfNoReturn), let last = cutover.tasks.indices.last {
            // Without a declared point, the switch itself (the last cutover step) is where going back gets costly.
            cutover.tasks[last].pointOfNoReturn = true
        }
        var sections = [Section(id: "numbers", title: "The plan in numbers", blocks: [
            .markdown(Self.numbers(profile, cutover: cutover.total, unknown: cutover.unknown,
                                   rollback: rollback.total, cutoverCount: cutover.tasks.count,
                                   rollbackCount: rollback.tasks.count)),
        ])]
        let before = Self.number(tasks(.beforeCutover), prefix: "P", steps: steps, phase: .beforeCutover,
                                 profile: profile, limit: nil, start: nil)
        if !before.tasks.isEmpty {
            sections.append(Section(id: "before-window", title: "Before the window opens", blocks: before.tasks.map(Block.task)))
        }
        if let chart = Self.timeline(cutover.tasks, steps: steps, profile: profile) {
            sections.append(Section(id: "timeline", title: "Timeline", blocks: [
                .figure(svg: chart.svg(id: "runbook-chart"), caption: "Cutover steps against the window", file: "timeline.svg"),
            ]))
        }
        sections.append(Section(id: "cutover", title: "Cutover", blocks: cutover.tasks.isEmpty
            ? [.markdown("_No cutover steps apply to this profile._")] : cutover.tasks.map(Block.task)))
        let after = Self.number(tasks(.afterCutover), prefix: "V", steps: steps, phase: .afterCutover,
                                profile: profile, limit: nil, start: nil)
        if !after.tasks.isEmpty {
            sections.append(Section(id: "verify", title: "After the switch", blocks: after.tasks.map(Block.task)))
        }
        var rollbackBlocks: [Block] = [.markdown(Self.triggers(profile, strings: renderer.strings))]
        rollbackBlocks += rollback.tasks.isEmpty ? [.markdown("_No rollback steps apply to this profile._")]
                                                 : rollback.tasks.map(Block.task)
        sections.append(Section(id: "rollback", title: "Rollback procedure", blocks: rollbackBlocks))
        return Document(path: "runbook", title: "Cutover runbook — \(profile.name)",
                        summary: renderer.strings.summary(of: "runbook"),
                        sections: sections, formats: [.markdown, .html])
    }

    /// The cutover timeline for a selection, as the overview shows it.
    static func timeline(for selection: Selection, renderer: BodyRenderer) -> TimelineChart? {
        let evaluator = ConditionEvaluator(profile: selection.profile)
        let steps = selection.included.filter { $0.kind == .step }
        var tasks = steps.filter { $0.phase == .cutover }.map { StepRendering.task($0, renderer: renderer, evaluator: evaluator) }
        if !tasks.contains(where: \.pointOfNoReturn), let last = tasks.indices.last { tasks[last].pointOfNoReturn = true }
        return timeline(tasks, steps: steps, profile: selection.profile)
    }

    /// The cutover as bars on the clock; nil when no cutover step has a time for this profile.
    static func timeline(_ tasks: [TaskEntry], steps: [Item], profile: Profile) -> TimelineChart? {
        let estimates = Dictionary(steps.map { ($0.id, $0.estimate) }, uniquingKeysWith: { first, _ in first })
        var elapsed = TimeSpan(seconds: 0)
        var bars: [TimelineChart.Bar] = []
        for task in tasks {
            guard let time = estimates[task.id]??.resolve(for: profile) else { continue }
            bars.append(.init(label: task.title, start: elapsed, end: elapsed + time, pointOfNoReturn: task.pointOfNoReturn))
            elapsed = elapsed + time
        }
        guard !bars.isEmpty else { return nil }
        return TimelineChart(bars: bars, window: profile.duration("window.duration"),
                             title: "Cutover timeline for \(profile.name): \(elapsed) planned against a window of \(profile.duration("window.duration")?.description ?? "unstated length")")
    }

    struct Numbered {
        var tasks: [TaskEntry]
        var total: TimeSpan
        var unknown: Int
    }

    /// Numbers the tasks and, when `limit` is given, runs a clock from T+0 against it.
    static func number(_ tasks: [TaskEntry], prefix: String, steps: [Item], phase: Phase, profile: Profile,
                       limit: TimeSpan?, start: WallClock?) -> Numbered {
        var elapsed = TimeSpan(seconds: 0)
        var unknown = 0
        var result: [TaskEntry] = []
        let estimates = Dictionary(steps.map { ($0.id, $0.estimate) }, uniquingKeysWith: { first, _ in first })
        for (index, var task) in tasks.enumerated() {
            task.number = prefix + String(index + 1)
            if let time = estimates[task.id]??.resolve(for: profile) {
                let end = elapsed + time
                if phase == .cutover || phase == .rollback {
                    var clock = "T+\(Self.clock(elapsed)) → T+\(Self.clock(end))"
                    if let start { clock += " (\(start.adding(elapsed))–\(start.adding(end)))" }
                    task.clock = clock
                    if let limit, end > limit { task.overflow = true }
                }
                elapsed = end
            } else {
                unknown += 1
            }
            result.append(task)
        }
        return Numbered(tasks: result, total: elapsed, unknown: unknown)
    }

    /// `0:05`, `1:20` — hours and minutes since the window opened.
    static func clock(_ time: TimeSpan) -> String {
        let minutes = Int((time.seconds / 60).rounded(.up))
        let rest = minutes % 60
        return "\(minutes / 60):\(rest < 10 ? "0" : "")\(rest)"
    }

    static func numbers(_ profile: Profile, cutover: TimeSpan, unknown: Int, rollback: TimeSpan,
                        cutoverCount: Int, rollbackCount: Int) -> String {
        var rows = ["| | |", "| --- | --- |"]
        let window = profile.duration("window.duration")
        let mode = profile.text("window.mode").map { " (\($0))" } ?? ""
        rows.append("| Window | \(window.map { "\($0)\(mode)" } ?? "_not stated_") |")
        var planned = "\(cutover) over \(cutoverCount) step\(cutoverCount == 1 ? "" : "s")"
        if unknown > 0 { planned += ", plus \(unknown) without an estimate for this profile" }
        rows.append("| Planned cutover | \(planned) |")
        if let window {
            let slack = window.seconds - cutover.seconds
            rows.append("| Slack | \(slack >= 0 ? TimeSpan(seconds: slack).description : "**\(TimeSpan(seconds: -slack)) over the window**") |")
        }
        let limit = profile.duration("rollback.max_duration")
        rows.append("| Rollback | \(rollback) over \(rollbackCount) step\(rollbackCount == 1 ? "" : "s")\(limit.map { ", limit \($0)" } ?? "") |")
        if let window, let limit {
            let latest = window.seconds - limit.seconds
            rows.append("| Latest start of a rollback | \(latest >= 0 ? "T+\(clock(TimeSpan(seconds: latest)))" : "**none: the rollback limit exceeds the window**") |")
        }
        var text = rows.joined(separator: "\n")
        if rollbackCount < cutoverCount {
            text += "\n\n**Warning:** the rollback has fewer steps (\(rollbackCount)) than the cutover (\(cutoverCount)); a rollback is at least as involved as the way forward."
        }
        return text
    }

    static func triggers(_ profile: Profile, strings: Strings) -> String {
        guard let thresholds = StepRendering.thresholds(profile, strings: strings) else {
            return "**The profile states no rollback triggers.** Agree on numeric thresholds (replica lag, error rate, primary-key violations) before the window."
        }
        return "Start the rollback at once on any trigger. \(thresholds)"
    }
}

/// A local time of day from `window.starts` (`2026-12-06T02:00`), for the runbook's clock.
struct WallClock {
    var minutes: Int

    init?(_ text: String?) {
        guard let text, DateTimeText.isValid(text) else { return nil }
        let time = text.split(whereSeparator: { $0 == "T" || $0 == " " })[1].split(separator: ":").compactMap { Int($0) }
        minutes = time[0] * 60 + time[1]
    }

    func adding(_ span: TimeSpan) -> String {
        let total = minutes + Int((span.seconds / 60).rounded(.up))
        let day = total / 1440
        let inDay = total % 1440
        let text = String(format: "%02d:%02d", inDay / 60, inDay % 60)
        return day > 0 ? text + " +\(day)d" : text
    }
}
