/// Decodes a strategy's `requires`, `excludes`, `downtime`, `rpo`, `pros` and `cons`.
extension ItemDecoder {
    static let requiresKeys = ["tools", "any_tools", "hosting", "topology"]

    func decodeStrategy(_ fields: [String: YAMLTree.Entry], at location: SourceLocation,
                        diagnostics: inout [Diagnostic]) -> StrategySpec {
        var spec = StrategySpec()
        if let entry = fields["requires"] {
            if case .mapping(let pairs, _) = entry.value {
                for pair in pairs {
                    switch pair.key {
                    case "tools": spec.tools = strings(pair, diagnostics: &diagnostics).map(\.0)
                    case "any_tools": spec.anyTools = strings(pair, diagnostics: &diagnostics).map(\.0)
                    case "hosting": spec.hosting = strings(pair, diagnostics: &diagnostics).map(\.0)
                    case "topology": spec.topology = string(pair, diagnostics: &diagnostics)
                    default:
                        diagnostics.append(.error(.unknownRequirement, "`requires` has no key `\(pair.key)`", at: pair.keyLocation,
                                                  hint: "it takes \(Self.requiresKeys.joined(separator: ", "))"))
                    }
                }
            } else {
                diagnostics.append(.error(.unknownRequirement, "`requires` must be a mapping", at: entry.value.location,
                                          hint: "write `requires: { tools: [pg_upgrade] }`"))
            }
        }
        if let entry = fields["excludes"] {
            if case .sequence(let rules, _) = entry.value {
                for rule in rules {
                    guard case .mapping(let pairs, let ruleLocation) = rule else {
                        diagnostics.append(.error(.unknownRequirement, "each `excludes` entry is a mapping with `when` and `reason`",
                                                  at: rule.location, hint: "write `- { when: { … }, reason: … }`"))
                        continue
                    }
                    let byKey = Dictionary(pairs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
                    for pair in pairs where pair.key != "when" && pair.key != "reason" {
                        diagnostics.append(.error(.unknownRequirement, "an exclusion has no key `\(pair.key)`", at: pair.keyLocation,
                                                  hint: "it takes `when` and `reason`"))
                    }
                    guard let when = byKey["when"], let reason = byKey["reason"]?.value.scalar else {
                        diagnostics.append(.error(.unknownRequirement, "an exclusion needs `when` and `reason`", at: ruleLocation,
                                                  hint: "the reason is what the reader sees when the strategy is ruled out"))
                        continue
                    }
                    spec.excludes.append(.init(when: conditions.parse(when.value, diagnostics: &diagnostics), reason: reason))
                }
            } else {
                diagnostics.append(.error(.unknownRequirement, "`excludes` must be a list", at: entry.value.location,
                                          hint: "write `- { when: { … }, reason: … }` per exclusion"))
            }
        }
        if let entry = fields["downtime"] {
            spec.downtime = estimate(entry.value, diagnostics: &diagnostics)
        } else {
            diagnostics.append(.error(.unknownRequirement, "a strategy needs `downtime`", at: location,
                                      hint: "a duration, or `{ rate: 100 GB/h, of: data.size, plus: 10m }`"))
        }
        if let entry = fields["rpo"], let text = string(entry, diagnostics: &diagnostics) {
            switch TimeSpan.parse(text) {
            case .success(let time): spec.rpo = time
            case .failure(let error):
                diagnostics.append(.error(.unknownRequirement, error.message, at: entry.value.location, hint: error.hint))
            }
        } else if fields["rpo"] == nil {
            diagnostics.append(.error(.unknownRequirement, "a strategy needs `rpo`", at: location,
                                      hint: "the data it can lose: `0`, or a duration such as `5m`"))
        }
        if let entry = fields["pros"] { spec.pros = strings(entry, diagnostics: &diagnostics).map(\.0) }
        if let entry = fields["cons"] { spec.cons = strings(entry, diagnostics: &diagnostics).map(\.0) }
        if let entry = fields["procedure"] { spec.procedure = decodeProcedure(entry.value, diagnostics: &diagnostics) }
        return spec
    }
}
