/// Decodes a strategy's `procedure`:
///
/// ```yaml
/// procedure:
///   prepare: [{ step: step-initial-sync, before: 7d }]
///   cutover: [step-freeze-writes, step-sync-sequences, step-switch-endpoint]
///   point_of_no_return: step-switch-endpoint
///   rollback: [step-stop-writes-target, { step: step-post-rollback-review, off_clock: true }]
///   after: [step-decommission-source]
/// ```
extension ItemDecoder {
    static let procedureKeys = ["prepare", "cutover", "point_of_no_return", "rollback", "after"]

    func decodeProcedure(_ tree: YAMLTree, diagnostics: inout [Diagnostic]) -> Procedure? {
        guard case .mapping(let pairs, let location) = tree else {
            diagnostics.append(.error(.invalidProcedure, "`procedure` must be a mapping, found \(tree.shape)", at: tree.location))
            return nil
        }
        var procedure = Procedure(location: location)
        for pair in pairs {
            switch pair.key {
            case "prepare": procedure.prepare = entries(pair.value, list: "prepare", diagnostics: &diagnostics)
            case "cutover": procedure.cutover = entries(pair.value, list: "cutover", diagnostics: &diagnostics)
            case "rollback": procedure.rollback = entries(pair.value, list: "rollback", diagnostics: &diagnostics)
            case "after": procedure.after = entries(pair.value, list: "after", diagnostics: &diagnostics)
            case "point_of_no_return":
                if let id = pair.value.scalar {
                    procedure.pointOfNoReturn = id
                } else {
                    diagnostics.append(.error(.invalidProcedure, "`point_of_no_return` names one cutover step", at: pair.value.location))
                }
            default:
                let hint = Suggestion.closest(to: pair.key, among: Self.procedureKeys).map { "did you mean `\($0)`?" }
                    ?? "it takes \(Self.procedureKeys.joined(separator: ", "))"
                diagnostics.append(.error(.invalidProcedure, "`procedure` has no key `\(pair.key)`", at: pair.keyLocation, hint: hint))
            }
        }
        if procedure.cutover.isEmpty {
            diagnostics.append(.error(.invalidProcedure, "a procedure needs its `cutover` steps", at: location))
        }
        if let point = procedure.pointOfNoReturn, !procedure.cutover.contains(where: { $0.step == point }) {
            diagnostics.append(.error(.invalidProcedure, "`point_of_no_return: \(point)` is not one of the cutover steps",
                                      at: location, hint: "name the cutover step after which going back is a recovery"))
        }
        return procedure
    }

    /// A list of step ids, each written as an id or as `{ step: id, before: 7d, off_clock: true }`.
    private func entries(_ tree: YAMLTree, list: String, diagnostics: inout [Diagnostic]) -> [Procedure.Entry] {
        guard case .sequence(let items, _) = tree else {
            diagnostics.append(.error(.invalidProcedure, "`\(list)` must be a list of step ids, found \(tree.shape)", at: tree.location))
            return []
        }
        return items.compactMap { item -> Procedure.Entry? in
            if let id = item.scalar { return Procedure.Entry(step: id, location: item.location) }
            guard case .mapping(let pairs, let location) = item,
                  let id = pairs.first(where: { $0.key == "step" })?.value.scalar else {
                diagnostics.append(.error(.invalidProcedure, "each `\(list)` entry is a step id or `{ step: id, … }`", at: item.location))
                return nil
            }
            var entry = Procedure.Entry(step: id, location: location)
            for pair in pairs where pair.key != "step" {
                switch (pair.key, pair.value.scalar) {
                case ("before", let text?) where list == "prepare":
                    switch TimeSpan.parse(text) {
                    case .success(let span): entry.before = span
                    case .failure(let error):
                        diagnostics.append(.error(.invalidProcedure, error.message, at: pair.value.location, hint: error.hint))
                    }
                case ("off_clock", let flag?) where list == "rollback":
                    entry.offClock = flag == "true"
                default:
                    let allowed = list == "prepare" ? "`step` and `before`" : list == "rollback" ? "`step` and `off_clock`" : "`step`"
                    diagnostics.append(.error(.invalidProcedure, "a `\(list)` entry has no key `\(pair.key)`", at: pair.keyLocation,
                                              hint: "it takes \(allowed)"))
                }
            }
            return entry
        }
    }
}
