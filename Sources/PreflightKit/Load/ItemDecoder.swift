/// Turns one content file (front matter and body) into an `Item`, collecting every problem.
public struct ItemDecoder: Sendable {
    public var conditions: ConditionParser

    public init(vocabulary: Vocabulary) { self.conditions = ConditionParser(vocabulary: vocabulary) }

    public func decode(_ tree: YAMLTree, body: String, bodyLine: Int, file: String, defaultID: String,
                       diagnostics: inout [Diagnostic]) -> Item? {
        guard case .mapping(let entries, let location) = tree else {
            diagnostics.append(.error(.frontMatterNotMapping, "front matter must be a mapping of keys to values, found \(tree.shape)",
                                      at: tree.location, hint: "start with lines such as `kind: tip` and `title: …`"))
            return nil
        }
        var fields: [String: YAMLTree.Entry] = [:]
        for entry in entries { fields[entry.key] = entry }

        let kind = fields["kind"].flatMap { decodeEnum(Kind.self, $0, diagnostics: &diagnostics) }
        let allowed = ItemSchema.allowedKeys(for: kind)
        for entry in entries where !allowed.contains(entry.key) {
            let all = ItemSchema.common + ItemSchema.specific.values.flatMap { $0 }
            var hint = "allowed keys\(kind.map { " for kind `\($0.rawValue)`" } ?? ""): \(allowed.joined(separator: ", "))"
            if let guess = Suggestion.closest(to: entry.key, among: allowed) {
                hint = "did you mean `\(guess)`?"
            } else if all.contains(entry.key), let kind {
                hint = "`\(entry.key)` belongs to another kind of item, not `\(kind.rawValue)`"
            }
            diagnostics.append(.error(.unknownKey, "unknown front-matter key `\(entry.key)`", at: entry.keyLocation, hint: hint))
        }
        for key in ItemSchema.required where fields[key] == nil {
            diagnostics.append(.error(.missingKey, "missing required key `\(key)`", at: location,
                                      hint: key == "kind" ? "add `kind:` with one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                                                          : "add `\(key):` to the front matter"))
        }
        guard let kind, let titleEntry = fields["title"], let title = string(titleEntry, diagnostics: &diagnostics) else {
            return nil
        }
        var id = defaultID
        if let entry = fields["id"], let written = string(entry, diagnostics: &diagnostics) { id = written }
        if !ItemSchema.isValidID(id) {
            diagnostics.append(.error(.invalidID, "`\(id)` is not a valid id", at: fields["id"]?.value.location ?? location,
                                      hint: "use lower-case letters, digits, `-`, `_` and `.`, starting with a letter or digit"))
        }
        var item = Item(id: id, kind: kind, title: title, file: file)
        // Trimmed once here, so that the builders' own trimming finds nothing to do and shares the
        // string instead of copying every body for every document.
        item.body = body.trimmingSpaces
        // Blank lines trimmed off the top move the first body line down; positions stay exact.
        let leading = body.utf8.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }
        let skippedLines = item.body.isEmpty ? 0 : leading.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        item.bodyLine = bodyLine + skippedLines
        for entry in entries { item.keyLocations[entry.key] = entry.keyLocation }
        decodeCommon(&item, fields, diagnostics: &diagnostics)
        if kind == .step { decodeStep(&item, fields, diagnostics: &diagnostics) }
        if kind == .strategy { item.strategy = decodeStrategy(fields, at: location, diagnostics: &diagnostics) }
        for key in ItemSchema.specific[kind] ?? [] where kind != .step && kind != .strategy {
            if let entry = fields[key] { item.extras[key] = Self.value(entry.value) }
        }
        return item
    }

    private func decodeCommon(_ item: inout Item, _ fields: [String: YAMLTree.Entry], diagnostics: inout [Diagnostic]) {
        if let entry = fields["summary"] { item.summary = string(entry, diagnostics: &diagnostics) }
        if let entry = fields["when"] { item.when = conditions.parse(entry.value, diagnostics: &diagnostics) }
        if let entry = fields["roles"] {
            item.roles = strings(entry, diagnostics: &diagnostics).compactMap {
                decodeEnum(Role.self, $0.0, at: $0.1, key: "roles", diagnostics: &diagnostics)
            }
        }
        if let entry = fields["phase"] { item.phase = decodeEnum(Phase.self, entry, diagnostics: &diagnostics) }
        if let entry = fields["severity"] { item.severity = decodeEnum(Severity.self, entry, diagnostics: &diagnostics) }
        if let entry = fields["likelihood"] { item.likelihood = decodeEnum(Likelihood.self, entry, diagnostics: &diagnostics) }
        if let entry = fields["tags"] { item.tags = strings(entry, diagnostics: &diagnostics).map(\.0) }
        if let entry = fields["related"] { item.related = strings(entry, diagnostics: &diagnostics).map(\.0) }
        if let entry = fields["order"], let text = string(entry, diagnostics: &diagnostics) {
            if let order = Int(text) { item.order = order } else {
                diagnostics.append(.error(.invalidOrder, "`order` must be a whole number, found `\(text)`",
                                          at: entry.value.location, hint: "write for example `order: 10`"))
            }
        }
        if let entry = fields["sources"] { item.sources = citations(entry, diagnostics: &diagnostics) }
        if let entry = fields["reviewed"] { item.reviewed = date(entry, allowDay: false, diagnostics: &diagnostics) }
        if let entry = fields["as_of"] { item.asOf = date(entry, allowDay: true, diagnostics: &diagnostics) }
    }

    private func decodeStep(_ item: inout Item, _ fields: [String: YAMLTree.Entry], diagnostics: inout [Diagnostic]) {
        if let entry = fields["owner"] { item.owner = decodeEnum(Role.self, entry, diagnostics: &diagnostics) }
        if let entry = fields["gate"] { item.gate = flag(entry, diagnostics: &diagnostics) }
        if let entry = fields["point_of_no_return"] { item.pointOfNoReturn = flag(entry, diagnostics: &diagnostics) }
        if let entry = fields["estimate"] { item.estimate = estimate(entry.value, diagnostics: &diagnostics) }
        if let entry = fields["commands"] { item.commands = commands(entry.value, diagnostics: &diagnostics) }
    }
}
