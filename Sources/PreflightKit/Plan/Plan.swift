/// One migration's plan: the recommended strategy's procedure, with the cross-cutting steps attached
/// by phase, on the clocks every document shows. The checklist, the runbook, the timeline, the role
/// views and the overview are views of it, so they cannot disagree about order, times or the switch.
public struct Plan: Sendable {
    /// A step in the plan, where and when it happens.
    public struct Step: Sendable {
        public var item: Item
        public var phase: Phase
        /// `P2` before the window, `3` in the cutover, `V1` after it, `R2` in the rollback.
        public var number: String
        /// A preparation task is due this long before the window opens.
        public var due: TimeSpan?
        /// On the cutover or rollback clock: when the step starts and ends, since its phase began.
        public var start: TimeSpan?
        public var end: TimeSpan?
        public var pointOfNoReturn = false
        /// Rollback work that does not hold up the way back.
        public var offClock = false
        /// Named in the strategy's procedure, rather than attached by phase.
        public var fromProcedure: Bool

        public var id: String { item.id }
    }

    /// A clock over a run of steps.
    public struct Clock: Sendable {
        public var total = TimeSpan(seconds: 0)
        /// Steps whose time depends on a field the profile does not state.
        public var unknown = 0
    }

    public var profile: Profile
    /// The recommended strategy; nil when none fits the profile.
    public var strategy: StrategyAssessment?
    /// The strategies for this engine pair and hosting, ranked as the advisor ranks them.
    public var options: [StrategyAssessment]
    /// Why the recommended strategy won over the other eligible ones.
    public var choice: String?
    /// Every step, in the order it is carried out.
    public var steps: [Step]
    public var cutover: Clock
    public var rollback: Clock
    /// Reasons the plan cannot go ahead as it stands, each with what to change.
    public var noGo: [String]

    public func steps(in phase: Phase) -> [Step] { steps.filter { $0.phase == phase } }

    /// The options that were ruled out, nearest first (fewest reasons), with their reasons.
    public var ruledOut: [StrategyAssessment] {
        options.filter { !$0.eligible }.enumerated().sorted { ($0.element.eliminations.count, $0.offset) < ($1.element.eliminations.count, $1.offset) }
            .map(\.element)
    }

    /// The one cutover step after which going back is a recovery rather than a switch.
    public var pointOfNoReturn: Step? { steps.first(where: \.pointOfNoReturn) }

    /// When writes move to the target: the end of the point of no return on the cutover clock.
    public var switchAt: TimeSpan? { pointOfNoReturn?.end }

    /// Whether a step is in the plan.
    public func contains(_ id: String) -> Bool { steps.contains { $0.id == id } }
}
