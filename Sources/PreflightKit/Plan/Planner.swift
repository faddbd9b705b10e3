/// The plan stage: from a profile's selection to one plan.
///
/// The advisor's first eligible strategy is recommended. Its procedure gives the preparation tasks
/// with their due dates, the cutover in order, the point of no return and the rollback; steps that
/// no strategy names attach to any plan their condition fits, by phase and `order`. A step that
/// some other strategy names never appears. Without an eligible strategy the plan has no cutover
/// and says which options came nearest and what would have to change.
public struct Planner: Sendable {
    public init() {}

    public func plan(_ selection: Selection, content: ContentSet) -> Plan {
        let profile = selection.profile
        let assessments = StrategyAdvisor().assess(content, for: profile).filter(\.fits)
        let chosen = assessments.first(where: \.eligible)
        let procedure = chosen?.item.strategy?.procedure
        let owned = Set(content.items.compactMap { $0.strategy?.procedure }.flatMap(\.stepIDs))
        // Content whose strategies own no procedure (a small team knowledge base) gets its cutover and
        // rollback steps by phase and `order`, and the point of no return its steps declare.
        let byPhase = owned.isEmpty
        // The plan is the same for every reader: steps count when their condition holds.
        let fitting = selection.decisions.filter { $0.conditionHolds && $0.item.kind == .step }.map(\.item)
        let byID = Dictionary(fitting.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var steps: [Plan.Step] = []
        func add(_ item: Item, phase: Phase, entry: Procedure.Entry?) {
            var step = Plan.Step(item: item, phase: phase, number: "", fromProcedure: entry != nil)
            step.due = entry?.before
            step.offClock = entry?.offClock ?? false
            steps.append(step)
        }
        func procedureSteps(_ entries: [Procedure.Entry]) -> [(Item, Procedure.Entry)] {
            entries.compactMap { entry in byID[entry.step].map { ($0, entry) } }
        }
        for phase in Phase.allCases {
            switch phase {
            case .cutover where byPhase, .rollback where byPhase:
                for item in fitting where item.phase == phase { add(item, phase: phase, entry: nil) }
            case .cutover:
                for (item, entry) in procedureSteps(procedure?.cutover ?? []) { add(item, phase: phase, entry: entry) }
            case .rollback:
                for (item, entry) in procedureSteps(procedure?.rollback ?? []) { add(item, phase: phase, entry: entry) }
            default:
                // Cross-cutting steps of the phase and the procedure's own, merged by `order`.
                let entries = phase == .afterCutover ? procedure?.after ?? [] : procedure?.prepare ?? []
                var merged = procedureSteps(entries).filter { $0.0.phase == phase }.map { ($0.0, Optional($0.1)) }
                merged += fitting.filter { $0.phase == phase && !owned.contains($0.id) }.map { ($0, nil as Procedure.Entry?) }
                merged.sort { ($0.0.order, $0.0.id) < ($1.0.order, $1.0.id) }
                for (item, entry) in merged { add(item, phase: phase, entry: entry) }
            }
        }
        if let point = procedure?.pointOfNoReturn, let index = steps.firstIndex(where: { $0.id == point && $0.phase == .cutover }) {
            steps[index].pointOfNoReturn = true
        } else if byPhase, let index = steps.firstIndex(where: { $0.phase == .cutover && $0.item.pointOfNoReturn })
                    ?? steps.lastIndex(where: { $0.phase == .cutover }) {
            // Without a declared point, the switch itself (the last cutover step) is where going back gets costly.
            steps[index].pointOfNoReturn = true
        }
        var plan = Plan(profile: profile, strategy: chosen, options: assessments,
                        choice: chosen.map { Self.choice($0, over: assessments.filter(\.eligible).dropFirst().first) },
                        steps: steps, cutover: Plan.Clock(), rollback: Plan.Clock(), noGo: [])
        Self.number(&plan)
        plan.noGo = Self.noGo(plan)
        return plan
    }

    /// Numbers the steps by phase and runs the cutover and rollback clocks.
    static func number(_ plan: inout Plan) {
        var counters: [String: Int] = [:]
        var clocks: [Phase: Plan.Clock] = [.cutover: .init(), .rollback: .init()]
        for index in plan.steps.indices {
            let phase = plan.steps[index].phase
            let prefix = switch phase {
            case .cutover: ""
            case .rollback: "R"
            case .afterCutover: "V"
            default: "P"
            }
            counters[prefix, default: 0] += 1
            plan.steps[index].number = prefix + String(counters[prefix]!)
            guard var clock = clocks[phase], !plan.steps[index].offClock else { continue }
            if let time = plan.steps[index].item.estimate?.resolve(for: plan.profile) {
                plan.steps[index].start = clock.total
                clock.total = clock.total + time
                plan.steps[index].end = clock.total
            } else {
                clock.unknown += 1
            }
            clocks[phase] = clock
        }
        plan.cutover = clocks[.cutover]!
        plan.rollback = clocks[.rollback]!
    }

    /// Why the recommended strategy beat the runner-up, in one sentence.
    static func choice(_ chosen: StrategyAssessment, over runnerUp: StrategyAssessment?) -> String {
        guard let runnerUp else { return "It is the only strategy for this migration that fits every constraint of the profile." }
        let a = chosen.downtime?.high, b = runnerUp.downtime?.high
        if let a, let b, a < b {
            return "Its worst-case downtime is \(a), against \(b) for the next option, \(runnerUp.item.title)."
        }
        if let a = chosen.rpo, let b = runnerUp.rpo, a < b {
            return "It can lose at most \(a) of committed data, against \(b) for the next option, \(runnerUp.item.title)."
        }
        if chosen.specificity > runnerUp.specificity {
            return "It and \(runnerUp.item.title) tie on downtime and data loss; it is written for this migration more specifically."
        }
        return "It and \(runnerUp.item.title) tie on downtime, data loss and fit; it comes first in the knowledge base's order."
    }

    /// What stops the plan as it stands, each with what to change.
    static func noGo(_ plan: Plan) -> [String] {
        var reasons: [String] = []
        let profile = plan.profile
        if plan.strategy == nil, !plan.steps(in: .cutover).isEmpty || !plan.ruledOut.isEmpty {
            reasons.append("No strategy fits this profile; see the nearest options and what each would need.")
        }
        if let window = profile.duration("window.duration"), plan.cutover.total > window {
            reasons.append("The cutover takes \(plan.cutover.total), longer than the \(window) window: lengthen the window or choose a faster strategy.")
        }
        if let limit = profile.duration("rollback.max_duration"), plan.rollback.total > limit {
            reasons.append("The rollback takes \(plan.rollback.total) from the decision to roll back, over the \(limit) limit: raise `rollback.max_duration`, shorten the rollback, or choose a strategy whose way back is shorter.")
        }
        if plan.strategy != nil, plan.pointOfNoReturn == nil {
            reasons.append("The plan names no point of no return.")
        }
        return reasons
    }
}
