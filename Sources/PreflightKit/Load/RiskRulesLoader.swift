import Foundation

/// Reads `risks.yml` at the root of the content, when there is one:
///
/// ```yaml
/// likelihood:
///   - { tags: [long-transactions], when: { long_transactions: ">=10m" }, likelihood: high,
///       because: "the application holds transactions open for up to {{long_transactions}}" }
/// not_risks: [prompt]
/// ```
struct RiskRulesLoader {
    var conditions: ConditionParser

    /// The rules of every layer's `risks.yml`, the base's first in `paths`. A higher layer's rules
    /// come first, so that where a team's rule and a shipped one both match, the team's decides;
    /// `not_risks` adds up.
    func load(paths: [String], diagnostics: inout [Diagnostic]) -> RiskRules {
        var merged = RiskRules()
        for path in paths {
            let layer = load(path: path, diagnostics: &diagnostics)
            merged.rules = layer.rules + merged.rules
            merged.notRisks += layer.notRisks.filter { !merged.notRisks.contains($0) }
        }
        return merged
    }

    func load(path: String, diagnostics: inout [Diagnostic]) -> RiskRules {
        guard FileManager.default.fileExists(atPath: path) else { return RiskRules() }
        let text: String
        switch FileReader.read(path, limit: ContentLoader.maximumFileSize) {
        case .success(let data): text = String(decoding: data, as: UTF8.self)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return RiskRules()
        }
        guard case .success(let tree) = YAMLTree.parse(text, file: path, firstLine: 1).mapError({ diagnostics.append($0); return $0 }),
              case .mapping(let sections, _) = tree else { return RiskRules() }
        var rules = RiskRules()
        for section in sections {
            switch (section.key, section.value) {
            case ("likelihood", .sequence(let entries, _)):
                rules.rules = entries.compactMap { rule($0, diagnostics: &diagnostics) }
            case ("not_risks", .sequence(let tags, _)):
                rules.notRisks = tags.compactMap(\.scalar)
            default:
                diagnostics.append(.error(.unknownKey, "`risks.yml` has no section `\(section.key)` of that shape", at: section.keyLocation,
                                          hint: "it has a `likelihood:` list of rules and a `not_risks:` list of tags"))
            }
        }
        return rules
    }

    private func rule(_ tree: YAMLTree, diagnostics: inout [Diagnostic]) -> RiskRules.Rule? {
        guard case .mapping(let pairs, let location) = tree else {
            diagnostics.append(.error(.invalidValue, "a likelihood rule is a mapping", at: tree.location))
            return nil
        }
        let byKey = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard case .sequence(let tags, _)? = byKey["tags"], let level = byKey["likelihood"]?.scalar,
              let because = byKey["because"]?.scalar, let when = byKey["when"] else {
            diagnostics.append(.error(.missingKey, "a likelihood rule needs `tags`, `when`, `likelihood` and `because`", at: location))
            return nil
        }
        guard let likelihood = Likelihood(rawValue: level) else {
            diagnostics.append(.error(.invalidValue, "`\(level)` is not a likelihood", at: byKey["likelihood"]!.location,
                                      hint: "one of: \(Likelihood.allCases.map(\.rawValue).joined(separator: ", "))"))
            return nil
        }
        return RiskRules.Rule(tags: tags.compactMap(\.scalar), when: conditions.parse(when, diagnostics: &diagnostics),
                              likelihood: likelihood, because: because)
    }
}
