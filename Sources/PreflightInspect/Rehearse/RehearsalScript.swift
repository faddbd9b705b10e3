import PreflightKit

/// The plan as `rehearse` runs it: its steps in order, each with the commands that apply to the
/// profile, rendered with the profile's values; a step without a command is a manual step.
public struct RehearsalScript: Sendable {
    public struct Action: Sendable {
        public enum Kind: Sendable, Equatable {
            case shell
            case sql(Command.Side)
            /// A person does this and confirms it.
            case manual(String)
        }
        public var title: String
        public var kind: Kind
        public var code: String

        public init(title: String, kind: Kind, code: String) {
            self.title = title
            self.kind = kind
            self.code = code
        }
    }

    public struct Step: Sendable {
        public var id: String
        public var number: String
        public var title: String
        public var phase: Phase
        /// What the plan expects the step to take, for the log's comparison.
        public var estimate: TimeSpan?
        public var actions: [Action]
        /// The profile's `rates.…` field this step's time measures, and the size it moves.
        public var measures: (field: String, size: DataSize)?

        public init(id: String, number: String, title: String, phase: Phase, estimate: TimeSpan?, actions: [Action]) {
            self.id = id
            self.number = number
            self.title = title
            self.phase = phase
            self.estimate = estimate
            self.actions = actions
        }
    }

    public var profileID: String
    public var steps: [Step]

    /// A script of steps made by hand (a test's, or a team's extra checks).
    public init(profileID: String, steps: [Step]) {
        self.profileID = profileID
        self.steps = steps
    }

    /// Phases a rehearsal runs by default: from the staging copy to the checks after the switch.
    public static let defaultPhases: [Phase] = [.staging, .beforeCutover, .cutover, .afterCutover]

    /// - Parameters:
    ///   - phases: the phases to run, in the plan's order.
    ///   - from/until: the first and last step id to run (inclusive).
    public init(plan: Plan, content: ContentSet, phases: [Phase] = defaultPhases, from: String? = nil,
                until: String? = nil) throws(RehearsalError) {
        let profile = plan.profile
        let renderer = BodyRenderer(profile: profile, vocabulary: content.vocabulary, strings: content.theme.strings)
        let evaluator = ConditionEvaluator(profile: profile)
        var steps: [Step] = []
        for step in plan.steps where phases.contains(step.phase) {
            let commands = step.item.commands.filter { evaluator.evaluate($0.when) }
            var actions = commands.map { command -> Action in
                let title = command.title ?? step.item.title
                if let manual = command.manual { return Action(title: title, kind: .manual(manual), code: renderer.renderPlain(command.code)) }
                if command.language == "sql" {
                    return Action(title: title, kind: .sql(command.on ?? .source), code: renderer.renderPlain(command.code))
                }
                if CommandRules.shells.contains(command.language) {
                    return Action(title: title, kind: .shell, code: renderer.renderPlain(command.code))
                }
                return Action(title: title, kind: .manual("run this \(command.language) command by hand and confirm it succeeded"),
                              code: renderer.renderPlain(command.code))
            }
            if actions.isEmpty {
                actions = [Action(title: step.item.title, kind: .manual("do this step as the runbook describes and confirm it is done"), code: "")]
            }
            let duration = step.start.flatMap { start in step.end.map { TimeSpan(seconds: $0.seconds - start.seconds) } }
            var entry = Step(id: step.id, number: step.number, title: step.item.title, phase: step.phase,
                             estimate: duration ?? step.item.estimate?.resolve(for: profile), actions: actions)
            if let estimate = step.item.estimate, let field = estimate.measured, let size = estimate.of.flatMap(profile.size) {
                entry.measures = (field, size)
            }
            steps.append(entry)
        }
        let ids = steps.map(\.id)
        for bound in [from, until].compactMap({ $0 }) where !ids.contains(bound) {
            throw RehearsalError(message: "the plan has no step `\(bound)` in the phases rehearsed",
                                 hint: Suggestion.closest(to: bound, among: ids).map { "did you mean `\($0)`?" }
                                    ?? "`preflight plan --profile …` lists the steps")
        }
        let first = from.flatMap { ids.firstIndex(of: $0) } ?? 0
        let last = until.flatMap { ids.firstIndex(of: $0) } ?? steps.count - 1
        guard first <= last || steps.isEmpty else {
            throw RehearsalError(message: "`--from \(from!)` comes after `--until \(until!)` in the plan", hint: nil)
        }
        self.steps = steps.isEmpty ? [] : Array(steps[first...last])
        profileID = profile.id
    }

    /// The environment variables the runnable actions read, documented or not.
    public var variables: Set<String> { read(withDefaults: true) }

    /// The variables that must have a value: read somewhere without a `${NAME:-default}`.
    public var requiredVariables: Set<String> { read(withDefaults: false) }

    private func read(withDefaults: Bool) -> Set<String> {
        Set(steps.flatMap(\.actions).filter { $0.kind == .shell }.flatMap { action in
            CommandRules.readVariables(action.code, withDefaults: withDefaults).subtracting(CommandRules.assignedVariables(action.code))
        })
            .union(steps.flatMap(\.actions).compactMap { action -> String? in
                if case .sql(let side) = action.kind { return side == .source ? "SOURCE_URL" : "TARGET_URL" }
                return nil
            })
    }
}

/// A rehearsal that cannot start or stopped; worded for the person at the terminal.
public struct RehearsalError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message }
}
