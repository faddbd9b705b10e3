import Foundation

/// The cutover runbook: numbered steps with commands, a running clock against the window, the point
/// of no return, and a rollback procedure with its own clock against the rollback limit.
public struct RunbookBuilder: Sendable {
    public init() {}

    public func build(_ plan: Plan, renderer: BodyRenderer) -> Document {
        let profile = plan.profile
        let evaluator = ConditionEvaluator(profile: profile)
        func tasks(_ phases: Phase...) -> [Block] {
            plan.steps.filter { phases.contains($0.phase) }.map { step in
                var task = PlanRendering.task(step, plan: plan, renderer: renderer, evaluator: evaluator)
                // The cutover and the rollback in full; around them, what to do and the commands,
                // with the reasoning left to the preparation document and the wiki.
                if ![.cutover, .rollback].contains(step.phase) { task.body = MarkdownText.firstParagraph(task.body) }
                return .task(task)
            }
        }
        var sections: [Section] = []
        if !plan.noGo.isEmpty {
            sections.append(Section(id: "no-go", title: "NO-GO as planned", blocks: [.markdown(
                plan.noGo.map { "- **\($0)**" }.joined(separator: "\n"))]))
        }
        sections.append(Section(id: "numbers", title: "The plan in numbers", blocks: [.markdown(Self.numbers(plan))]))
        let variables = Self.variables(plan, evaluator: evaluator)
        if !variables.isEmpty {
            sections.append(Section(id: "environment", title: "Environment", blocks: [.markdown(
                "Commands take connection details and paths from these variables; set them in the shell that runs the runbook:\n\n"
                    + variables.map { name in
                        "- `$\(name)`" + (renderer.vocabulary.environment[name].map { ": \(ProfileSummary.escape($0))" } ?? "")
                    }.joined(separator: "\n"))]))
        }
        // The days before the window; the weeks before it are in the preparation document.
        let prepare = tasks(.beforeCutover)
        if !prepare.isEmpty {
            sections.append(Section(id: "before-window", title: "Before the window opens", blocks: prepare))
        }
        if let chart = Self.timeline(plan) {
            sections.append(Section(id: "timeline", title: "Timeline", blocks: [
                .figure(svg: chart.svg(id: "runbook-chart"), caption: "Cutover steps against the window", file: "timeline.svg"),
            ]))
        }
        let cutover = tasks(.cutover)
        sections.append(Section(id: "cutover", title: "Cutover", blocks: cutover.isEmpty
            ? [.markdown(plan.strategy == nil && !plan.options.isEmpty
                ? "_No cutover is planned: no strategy fits this profile. The overview lists the nearest options and what each needs._"
                : "_No cutover steps apply to this profile._")] : cutover))
        // After the switch, one line each: their text and commands are in the follow-up part of the
        // preparation document, so that the night's runbook stays short enough to print.
        let after = plan.steps(in: .afterCutover).map { step -> Block in
            var task = PlanRendering.task(step, plan: plan, renderer: renderer, evaluator: evaluator)
            task.link = Self.document(of: step.phase) + ".html#step-" + step.id
            (task.number, task.body, task.commands) = (nil, "", [])
            return .task(task)
        }
        if !after.isEmpty {
            sections.append(Section(id: "verify", title: "After the switch", blocks: after))
        }
        let rollback = tasks(.rollback)
        var rollbackBlocks: [Block] = [.markdown(Self.triggers(profile, strings: renderer.strings))]
        rollbackBlocks += rollback.isEmpty ? [.markdown("_No rollback steps apply to this profile._")] : rollback
        sections.append(Section(id: "rollback", title: "Rollback procedure", blocks: rollbackBlocks))
        return Document(path: "runbook", title: "Cutover runbook — \(profile.name)",
                        summary: renderer.strings.summary(of: "runbook"),
                        sections: sections, formats: [.markdown, .html])
    }

    /// The preparation and follow-up: the plan's steps of the weeks before the window (planning,
    /// before staging, in staging) and after the switch, each with its due date, text and commands.
    /// Kept apart from the runbook, which is the night's document.
    public func preparation(_ plan: Plan, renderer: BodyRenderer) -> Document {
        let evaluator = ConditionEvaluator(profile: plan.profile)
        let sections = [Phase.plan, .beforeStaging, .staging, .afterCutover].compactMap { phase -> Section? in
            let steps = plan.steps(in: phase)
            guard !steps.isEmpty else { return nil }
            return Section(id: phase.rawValue, title: phase.title, blocks: steps.map {
                .task(PlanRendering.task($0, plan: plan, renderer: renderer, evaluator: evaluator))
            })
        }
        return Document(path: "preparation", title: "Preparation and follow-up — \(plan.profile.name)",
                        summary: renderer.strings.summary(of: "preparation"),
                        sections: sections.isEmpty ? [Section(id: "none", title: "", blocks: [.markdown("_No preparation steps apply._")])]
                                                   : sections,
                        formats: [.markdown, .html])
    }

    /// Where a step's text and commands are: the preparation document for the weeks before the
    /// window and after the switch, the runbook for the day before, the cutover and the rollback.
    static func document(of phase: Phase) -> String {
        [.plan, .beforeStaging, .staging, .afterCutover].contains(phase) ? "preparation" : "runbook"
    }

    /// The environment variables the plan's commands read (`$TARGET_URL`, `${SOURCE_PGDATA}`), once;
    /// names a script sets itself (`FINAL_LSN=…`) are its own business, not the reader's.
    static func variables(_ plan: Plan, evaluator: ConditionEvaluator) -> [String] {
        var names = Set<String>()
        for step in plan.steps {
            for command in step.item.commands where command.manual == nil && evaluator.evaluate(command.when) {
                names.formUnion(CommandRules.readVariables(command.code).subtracting(CommandRules.assignedVariables(command.code)))
            }
        }
        return names.sorted()
    }

    /// The cutover as bars on the clock; nil when no cutover step has a time for this profile.
    static func timeline(_ plan: Plan) -> TimelineChart? {
        let bars = plan.steps(in: .cutover).compactMap { step -> TimelineChart.Bar? in
            guard let start = step.start, let end = step.end else { return nil }
            return .init(label: step.item.title, start: start, end: end, pointOfNoReturn: step.pointOfNoReturn)
        }
        guard !bars.isEmpty else { return nil }
        let window = plan.profile.duration("window.duration")
        return TimelineChart(bars: bars, window: window,
                             title: "Cutover timeline for \(plan.profile.name): \(plan.cutover.total) planned against a window of \(window?.description ?? "unstated length")")
    }

    /// `0:05`, `1:20` — hours and minutes since the window opened.
    static func clock(_ time: TimeSpan) -> String {
        let minutes = Int((time.seconds / 60).rounded(.up))
        let rest = minutes % 60
        return "\(minutes / 60):\(rest < 10 ? "0" : "")\(rest)"
    }

    static func numbers(_ plan: Plan) -> String {
        let profile = plan.profile, cutover = plan.cutover.total, unknown = plan.cutover.unknown
        let rollback = plan.rollback.total
        let cutoverCount = plan.steps(in: .cutover).count, rollbackCount = plan.steps(in: .rollback).count
        var rows = ["| | |", "| --- | --- |"]
        if let strategy = plan.strategy {
            rows.append("| Strategy | \(ProfileSummary.escape(strategy.item.title)) |")
        }
        if let moment = PlanRendering.switchMoment(plan) {
            rows.append("| Point of no return | \(moment) |")
        }
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
