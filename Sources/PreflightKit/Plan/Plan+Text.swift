/// The plan as plain text for a terminal (`preflight plan`): the strategy and why, the options ruled
/// out, each phase's steps with their numbers, due dates and clocks, and what stops the plan.
extension Plan {
    public var text: String {
        var lines: [String] = []
        if let strategy {
            lines.append("Plan for \(profile.id): \(strategy.item.title) [\(strategy.item.id)]")
            if let choice { lines.append("  why: \(choice)") }
        } else {
            lines.append("Plan for \(profile.id): no strategy fits")
        }
        for option in ruledOut {
            lines.append("  ruled out: \(option.item.title) [\(option.item.id)]: \(option.eliminations.joined(separator: "; "))")
        }
        let headings: [(Phase, String)] = [
            (.plan, "Before the window"), (.beforeStaging, "Before the window"), (.staging, "Before the window"),
            (.beforeCutover, "Before the window"), (.cutover, "Cutover"), (.afterCutover, "After the switch"),
            (.rollback, "Rollback"),
        ]
        var last = ""
        for (phase, heading) in headings {
            let inPhase = steps(in: phase)
            guard !inPhase.isEmpty else { continue }
            if heading != last {
                var line = heading
                if phase == .cutover {
                    line += " (\(cutover.total)\(profile.duration("window.duration").map { " of a \($0) window" } ?? ""))"
                }
                if phase == .rollback {
                    line += " (\(rollback.total)\(profile.duration("rollback.max_duration").map { ", limit \($0)" } ?? ""))"
                }
                lines.append(line + ":")
                last = heading
            }
            for step in inPhase {
                var when = ""
                if let due = step.due { when = "T-\(due)" }
                if let start = step.start, let end = step.end { when = "T+\(start)→\(end)" }
                if step.offClock { when = "off the clock" }
                var line = "  \(step.number.padding(toLength: 4, withPad: " ", startingAt: 0)) \(when.padding(toLength: 16, withPad: " ", startingAt: 0)) \(step.id)"
                if step.pointOfNoReturn { line += "   <- point of no return" }
                lines.append(line)
            }
        }
        for reason in noGo { lines.append("NO-GO: \(reason)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
