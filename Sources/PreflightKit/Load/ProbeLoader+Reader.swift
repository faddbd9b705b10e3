/// The small readers `ProbeLoader` uses, each recording a positioned diagnostic on failure.
extension ProbeLoader {
    struct Reader {
        var diagnostics: [Diagnostic]
        var failed = false

        mutating func fail(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, hint: String? = nil) {
            diagnostics.append(.error(code, message, at: location, hint: hint))
            failed = true
        }

        mutating func mapping(_ tree: YAMLTree, keys: [String], what: String) -> [String: YAMLTree]? {
            guard case .mapping(let pairs, _) = tree else {
                fail(.invalidProbe, "\(what) is a mapping of keys to values", at: tree.location)
                return nil
            }
            var fields: [String: YAMLTree] = [:]
            for pair in pairs {
                if keys.contains(pair.key) { fields[pair.key] = pair.value; continue }
                fail(.unknownKey, "\(what) has no key `\(pair.key)`", at: pair.keyLocation,
                     hint: Suggestion.closest(to: pair.key, among: keys).map { "did you mean `\($0)`?" } ?? "keys: " + keys.joined(separator: ", "))
            }
            return fields
        }

        mutating func text(_ tree: YAMLTree?, _ key: String, at location: SourceLocation) -> String? {
            guard let value = tree?.scalar, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                fail(.missingKey, "a probe needs `\(key)`", at: tree?.location ?? location)
                return nil
            }
            return value
        }

        mutating func choice<T: RawRepresentable & CaseIterable>(_ tree: YAMLTree, _ type: T.Type, _ key: String) -> T?
        where T.RawValue == String {
            if let value = tree.scalar, let choice = T(rawValue: value) { return choice }
            let names = T.allCases.map(\.rawValue)
            fail(.invalidValue, "`\(tree.scalar ?? tree.shape)` is not a \(key)", at: tree.location,
                 hint: tree.scalar.flatMap { Suggestion.closest(to: $0, among: names) }.map { "did you mean `\($0)`?" }
                    ?? "one of: " + names.joined(separator: ", "))
            return nil
        }

        mutating func finding(_ tree: YAMLTree) -> Probe.Finding? {
            guard let fields = mapping(tree, keys: ProbeLoader.findingKeys, what: "`finding`") else { return nil }
            guard let severityTree = fields["severity"], let severity = choice(severityTree, Severity.self, "severity") else {
                if fields["severity"] == nil { fail(.missingKey, "`finding` needs `severity`", at: tree.location) }
                return nil
            }
            guard let step = text(fields["step"], "finding.step", at: tree.location),
                  let verdict = text(fields["verdict"], "finding.verdict", at: tree.location),
                  let message = text(fields["message"], "finding.message", at: tree.location) else { return nil }
            var rulesOut: [String] = []
            if let list = fields["rules_out"] {
                guard case .sequence(let entries, _) = list else {
                    fail(.invalidProbe, "`rules_out` is a list of strategy ids", at: list.location)
                    return nil
                }
                rulesOut = entries.compactMap(\.scalar)
            }
            return Probe.Finding(severity: severity, step: step, rulesOut: rulesOut, verdict: verdict, message: message)
        }

        mutating func query(_ tree: YAMLTree, comparesTarget: Bool) -> Probe.Query? {
            guard let fields = mapping(tree, keys: ProbeLoader.queryKeys, what: "a query") else { return nil }
            guard let sql = text(fields["sql"], "queries[].sql", at: tree.location) else { return nil }
            guard let sourceText = fields["source"]?.scalar, let source = VersionRange.parse(sourceText) else {
                fail(.invalidProbe, "a query needs `source`, the server versions it runs on", at: fields["source"]?.location ?? tree.location,
                     hint: "write `source: \">=10\"`, `\"<16\"`, `\">=10 <16\"` or `\"15\"`")
                return nil
            }
            var target: VersionRange?
            if let targetTree = fields["target"] {
                target = targetTree.scalar.flatMap(VersionRange.parse)
                if target == nil { fail(.invalidProbe, "`target` is not a version range", at: targetTree.location, hint: "write `target: \">=16\"`") }
            }
            let targetSQL = fields["target_sql"]?.scalar
            if comparesTarget != (targetSQL != nil) {
                fail(.invalidProbe, comparesTarget ? "`compare: target-lacks` needs `target_sql` in every query"
                                                   : "`target_sql` is used only with `compare: target-lacks`", at: tree.location)
            }
            return Probe.Query(source: source, target: target, sql: sql, targetSQL: targetSQL, location: tree.location)
        }

        mutating func sources(_ tree: YAMLTree?, at location: SourceLocation) -> [Citation] {
            guard case .sequence(let entries, _)? = tree, !entries.isEmpty else {
                fail(.factsWithoutSources, "a probe needs `sources`, the documentation its SQL and meaning rest on", at: tree?.location ?? location)
                return []
            }
            var citations: [Citation] = []
            for entry in entries {
                guard case .mapping(let pairs, _) = entry,
                      let title = pairs.first(where: { $0.key == "title" })?.value.scalar,
                      let url = pairs.first(where: { $0.key == "url" })?.value.scalar, url.hasPrefix("https://") else {
                    fail(.invalidSources, "a source is `{ title: ..., url: https://... }`", at: entry.location)
                    continue
                }
                citations.append(Citation(title: title, url: url))
            }
            return citations
        }
    }
}
