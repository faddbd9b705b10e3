import Foundation

/// The consistency rules every plan must keep, checked on every build. A violation is a defect of
/// the content, reported with the step and the profile: shipped content has none (the example
/// build runs with `--strict`, and the test suite checks a generated matrix of profiles).
public struct PlanRules: Sendable {
    public init() {}

    public func check(_ plan: Plan, content: ContentSet) -> [Diagnostic] {
        let profile = plan.profile
        let evaluator = ConditionEvaluator(profile: profile)
        let vocabulary = content.vocabulary
        let others = content.items.filter { $0.strategy?.procedure != nil && $0.id != plan.strategy?.item.id }
        let chosen = Set(plan.strategy?.item.strategy?.procedure?.stepIDs ?? [])
        var unavailable = Set(profile.list("tools.unavailable").map { $0.lowercased() })
        // A closed inventory (`tools.closed: true`) rules out every tool some strategy needs that it
        // does not list; an open one only names what is there for sure.
        let available = Set(profile.list("tools.available").map { $0.lowercased() })
        if case .boolean(true)? = profile["tools.closed"], !available.isEmpty {
            let known = content.items.compactMap(\.strategy).flatMap { $0.tools + $0.anyTools }.map { $0.lowercased() }
            unavailable.formUnion(known.filter { !available.contains($0) })
        }
        let families = Set(["source.engine", "target.engine"].compactMap { profile.text($0) }.map(vocabulary.family(of:)))
        var found: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ step: Plan.Step, _ message: String, hint: String? = nil) {
            found.append(.warning(code, "profile `\(profile.id)`: \(message)", at: step.item.location(of: "title"), hint: hint))
        }
        for step in plan.steps {
            let item = step.item
            if !chosen.contains(item.id), let owner = others.first(where: { $0.strategy!.procedure!.stepIDs.contains(item.id) }) {
                report(.planForeignStep, step, "`\(item.id)` belongs to `\(owner.id)`, which this plan does not follow")
            }
            let commands = item.commands.filter { evaluator.evaluate($0.when) }
            for command in commands {
                let words = Set(Self.words(command.code))
                for tool in unavailable where words.contains(tool) {
                    report(.planUnavailableTool, step, "`\(item.id)` runs `\(tool)`, which the profile's tools rule out",
                           hint: "give the command `when: { not: { tools.unavailable: \(tool) } }` and an alternative")
                }
                if let family = vocabulary.languages[command.language.lowercased()], !families.contains(family) {
                    report(.planForeignEngine, step, "`\(item.id)` shows a `\(command.language)` command in a migration between \(families.sorted().joined(separator: " and "))",
                           hint: "give the command a `when` on the engine it is written for")
                }
            }
            for (family, names) in vocabulary.familyWords where !families.contains(family) {
                if let name = names.first(where: { Self.names(item.title, $0) }) {
                    report(.planForeignEngine, step, "`\(item.id)` is titled for \(name), which this migration does not involve",
                           hint: "narrow the step's `when` to that engine, or title it for what it does")
                }
            }
            for id in item.related where content.itemsByID[id]?.kind == .step && !plan.contains(id) {
                report(.planDanglingStep, step, "`\(item.id)` refers to the step `\(id)`, which this plan does not include",
                       hint: "refer to steps that run in the same plans, or to guidance instead")
            }
        }
        if plan.strategy?.item.strategy?.procedure != nil, plan.steps.filter(\.pointOfNoReturn).count != 1,
           let first = plan.steps(in: .cutover).first {
            report(.planPointOfNoReturn, first, "the cutover of `\(plan.strategy!.item.id)` has no point of no return in this plan",
                   hint: "name a cutover step that applies to every profile the strategy serves as `point_of_no_return`")
        }
        return found
    }

    /// The words of a command: runs of letters, digits, `_`, `-` and `.`, lower-cased.
    static func words(_ code: String) -> [String] {
        code.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }.map(String.init)
    }

    /// Whether `title` names `name` as a word (not inside another word).
    static func names(_ title: String, _ name: String) -> Bool {
        guard let range = title.range(of: name) else { return false }
        let before = range.lowerBound == title.startIndex ? nil : title[title.index(before: range.lowerBound)]
        let after = range.upperBound == title.endIndex ? nil : title[range.upperBound]
        return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
    }
}
