/// What a probe refers to must exist: the step that shows its evidence, the strategies it rules out,
/// the profile field it measures and its engine; and no two probes share an id.
struct ProbeRules {
    func validate(_ content: ContentSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byID = content.itemsByID
        let steps = content.items.filter { $0.kind == .step }.map(\.id)
        let strategies = content.items.filter { $0.kind == .strategy }.map(\.id)
        var seen: [String: Probe] = [:]
        for probe in content.probes {
            if let first = seen[probe.id] {
                diagnostics.append(.error(.duplicateID, "duplicate probe id `\(probe.id)`", at: probe.location,
                                          notes: [.init("`\(probe.id)` is first defined here", at: first.location)]))
            }
            seen[probe.id] = seen[probe.id] ?? probe
            if !probe.id.hasPrefix("probe-") {
                diagnostics.append(.error(.invalidID, "probe id `\(probe.id)` does not start with `probe-`", at: probe.location,
                                          hint: "name it `probe-\(probe.id)`: probe ids live beside item ids in findings"))
            }
            if content.vocabulary.canonicalEngine(probe.engine) == nil {
                diagnostics.append(reference("engine `\(probe.engine)` is not in the vocabulary", probe,
                                             Suggestion.closest(to: probe.engine, among: Array(content.vocabulary.engines.keys))))
            }
            if let field = probe.measures, !field.hasPrefix("server."), ProfileSchema.field(field) == nil, !ProfileSchema.isGroup(field) {
                diagnostics.append(reference("`measures: \(field)` is neither a profile field nor `server.<name>`", probe,
                                             Suggestion.closest(to: field, among: ProfileSchema.paths)))
            }
            guard let finding = probe.finding else { continue }
            if byID[finding.step] == nil, let note = content.disabledNote(for: finding.step) {
                diagnostics.append(.error(.probeReference, "`finding.step` names `\(finding.step)`, which an overlay disables",
                                          at: probe.location, hint: ContentSet.disabledHint(probe.id, finding.step), notes: [note]))
            } else if byID[finding.step]?.kind != .step {
                diagnostics.append(reference("`finding.step` names `\(finding.step)`, which is not a step", probe,
                                             Suggestion.closest(to: finding.step, among: steps)))
            }
            for strategy in finding.rulesOut where byID[strategy]?.kind != .strategy {
                if byID[strategy] == nil, let note = content.disabledNote(for: strategy) {
                    diagnostics.append(.error(.probeReference, "`rules_out` names `\(strategy)`, which an overlay disables",
                                              at: probe.location, hint: ContentSet.disabledHint(probe.id, strategy), notes: [note]))
                    continue
                }
                diagnostics.append(reference("`rules_out` names `\(strategy)`, which is not a strategy", probe,
                                             Suggestion.closest(to: strategy, among: strategies)))
            }
        }
        return diagnostics
    }

    private func reference(_ message: String, _ probe: Probe, _ suggestion: String?) -> Diagnostic {
        .error(.probeReference, message, at: probe.location, hint: suggestion.map { "did you mean `\($0)`?" })
    }
}
