/// Checks of the strategies' procedures against the steps: every named step exists and is a step, in
/// the phase its list stands for, and every cutover or rollback step is run by some strategy.
struct ProcedureRules: Sendable {
    func validate(_ content: ContentSet) -> [Diagnostic] {
        let byID = content.itemsByID
        let strategies = content.items.filter { $0.strategy?.procedure != nil }
        guard !strategies.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var owned = Set<String>()
        let steps = byID.values.filter { $0.kind == .step }.map(\.id)
        for strategy in strategies {
            guard let procedure = strategy.strategy?.procedure else { continue }
            let lists: [(String, [Procedure.Entry], [Phase])] = [
                ("prepare", procedure.prepare, [.plan, .beforeStaging, .staging, .beforeCutover]),
                ("cutover", procedure.cutover, [.cutover]),
                ("rollback", procedure.rollback, [.rollback]),
                ("after", procedure.after, [.afterCutover]),
            ]
            for (list, entries, phases) in lists {
                for entry in entries {
                    owned.insert(entry.step)
                    if byID[entry.step] == nil, let note = content.disabledNote(for: entry.step) {
                        diagnostics.append(.error(.procedureStep, "`\(strategy.id)` runs `\(entry.step)`, which an overlay disables",
                                                  at: entry.location, hint: ContentSet.disabledHint(strategy.id, entry.step), notes: [note]))
                        continue
                    }
                    guard let step = byID[entry.step], step.kind == .step else {
                        let hint = Suggestion.closest(to: entry.step, among: steps).map { "did you mean `\($0)`?" }
                        diagnostics.append(.error(.procedureStep, "`\(strategy.id)` runs `\(entry.step)`, which is no step",
                                                  at: entry.location, hint: hint))
                        continue
                    }
                    if let phase = step.phase, !phases.contains(phase) {
                        diagnostics.append(.error(.procedureStep,
                                                  "`\(entry.step)` has phase `\(phase.rawValue)` but stands in `\(list)`",
                                                  at: entry.location,
                                                  hint: "`\(list)` takes steps of phase \(phases.map { "`\($0.rawValue)`" }.joined(separator: " or "))"))
                    }
                }
            }
        }
        for step in content.items where step.kind == .step && [.cutover, .rollback].contains(step.phase) && !owned.contains(step.id) {
            diagnostics.append(.warning(.orphanStep, "no strategy's procedure runs `\(step.id)`", at: step.location(of: "phase")))
        }
        return diagnostics
    }
}
