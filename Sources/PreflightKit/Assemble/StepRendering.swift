/// Turns a step item into a task for one profile: body and commands filled in, commands that do not
/// apply dropped, and the profile's rollback thresholds stated at go/no-go gates.
enum StepRendering {
    static func task(_ step: Item, renderer: BodyRenderer, evaluator: ConditionEvaluator) -> TaskEntry {
        let profile = renderer.profile
        var task = TaskEntry(
            id: step.id, title: step.title, owner: step.owner, estimate: step.estimate?.describe(for: profile),
            gate: step.gate, body: renderer.render(step.body).trimmingSpaces,
            commands: step.commands.filter { evaluator.evaluate($0.when) }.map { command in
                var rendered = command
                rendered.code = renderer.renderPlain(command.code)
                return rendered
            })
        task.pointOfNoReturn = step.pointOfNoReturn
        if step.gate { task.thresholds = thresholds(profile, strings: renderer.strings) }
        return task
    }

    /// The rollback triggers the profile states, as one sentence; nil when it states none.
    static func thresholds(_ profile: Profile, strings: Strings) -> String? {
        let parts = strings.rollbackTriggers.compactMap { trigger in profile[trigger.path].map { "\(trigger.label) \($0)" } }
        guard !parts.isEmpty else { return nil }
        var sentence = "No-go or roll back on " + parts.joined(separator: ", ")
        if let observation = profile.duration("rollback.triggers.observation") {
            sentence += ", watched for \(observation) after the switch"
        }
        return sentence + "."
    }
}
