import PreflightKit
/// The generic checks a criterion's `check` names, run against a plan for a profile.
///
/// Criteria are content; these few check types are the only code, so a new criterion is a new file.
public struct CriterionCheck: Sendable {
    public struct Outcome: Sendable {
        public var passed: Bool
        /// The line that satisfied the check, or what is missing.
        public var evidence: String
        public var line: Int?
    }

    public var spec: [String: YAMLValue]
    public var profile: Profile
    public var vocabulary: Vocabulary
    /// Version catalogs by engine family, for `catalog-versions`.
    public var catalogs: [String: VersionCatalog]

    public init(spec: [String: YAMLValue], profile: Profile, vocabulary: Vocabulary, catalogs: [String: VersionCatalog] = [:]) {
        self.spec = spec
        self.profile = profile
        self.vocabulary = vocabulary
        self.catalogs = catalogs
    }

    func list(_ key: String) -> [String] {
        switch spec[key] {
        case .scalar(let value)?: [value]
        case .list(let values)?: values.compactMap(\.string)
        default: []
        }
    }

    var minimum: Int { spec["min"]?.string.flatMap { Int($0) } ?? 1 }

    func regex(_ key: String) -> PlanPattern? {
        spec[key]?.string.flatMap { PlanPattern($0) }
    }

    public func run(on plan: PlanDocument) -> Outcome {
        switch spec["type"]?.string ?? "" {
        case "deliverable": deliverable(plan)
        case "section-matches": sectionMatches(plan)
        case "document-matches": documentMatches(plan)
        case "document-lacks": documentLacks(plan)
        case "mentions-profile": mentionsProfile(plan)
        case "code-mentions-profile": codeMentions(plan)
        case "code-lacks-profile": codeLacks(plan)
        case "versions-match": versionsMatch(plan)
        case "section-not-shorter": sectionNotShorter(plan)
        case "structured-list": structuredList(plan)
        case "code-blocks": codeBlocks(plan)
        case "profile-quantity": profileQuantity(plan)
        case "rows-match": rowsMatch(plan)
        case "prose-lacks-profile": proseLacksProfile(plan)
        case "section-order": sectionOrder(plan)
        case "no-duplicates": noDuplicates(plan)
        case "catalog-versions": catalogVersions(plan)
        default: Outcome(passed: false, evidence: "unknown check type", line: nil)
        }
    }

    /// Sections whose heading matches, leaving out a match that only contains another match (a
    /// document title such as "Cutover plan" that spans the real "Cutover commands" section).
    ///
    /// Sections come in reading order and nest, so a match contains another exactly when the next
    /// match starts inside it: one comparison each, where testing every pair was quadratic.
    func sections(_ plan: PlanDocument, _ key: String) -> [PlanDocument.Section] {
        let wanted = HeadingMatcher.wanted(list(key))
        let all = plan.sections
        let matching = all.indices.filter { HeadingMatcher.matches(words: all[$0].words, wanted: wanted) }
        return matching.indices.filter { position in
            position + 1 == matching.count || !all[matching[position]].range.contains(all[matching[position + 1]].range.lowerBound - 1)
        }.map { all[matching[$0]] }
    }

    func deliverable(_ plan: PlanDocument) -> Outcome {
        if let section = sections(plan, "synonyms").first {
            return Outcome(passed: true, evidence: "section “\(section.heading)”", line: section.line)
        }
        return Outcome(passed: false, evidence: "no section headed like \(list("synonyms").prefix(3).map { "“\($0)”" }.joined(separator: ", "))", line: nil)
    }

    /// The first match of `pattern` in `blocks` with its line, and how many matches there are, up to
    /// `minimum`: a check passes at `minimum`, so counting on would only cost time on a long plan.
    func matches(_ pattern: PlanPattern, in blocks: [PlanDocument.Block]) -> (count: Int, first: (String, Int)?) {
        var count = 0
        var first: (String, Int)?
        for block in blocks {
            let found = block.text.matches(of: pattern)
            if let match = found.first, first == nil { first = (String(block.text[match.range]), block.line) }
            count += found.count
            if count >= minimum, first != nil { break }
        }
        return (count, first)
    }

    func sectionMatches(_ plan: PlanDocument) -> Outcome {
        guard let pattern = regex("pattern") else { return Outcome(passed: false, evidence: "invalid pattern", line: nil) }
        let found = sections(plan, "section")
        guard !found.isEmpty else {
            return Outcome(passed: false, evidence: "no section headed like \(list("section").prefix(3).map { "“\($0)”" }.joined(separator: ", "))", line: nil)
        }
        let (count, first) = matches(pattern, in: found.flatMap(\.blocks))
        if count >= minimum, let first {
            return Outcome(passed: true, evidence: "“\(first.0)” in “\(found[0].heading)”", line: first.1)
        }
        return Outcome(passed: false, evidence: "“\(found[0].heading)” has \(count) of the \(minimum) required mention(s)", line: found[0].line)
    }

    func documentMatches(_ plan: PlanDocument) -> Outcome {
        guard let pattern = regex("pattern") else { return Outcome(passed: false, evidence: "invalid pattern", line: nil) }
        let (count, first) = matches(pattern, in: plan.blocks)
        if count >= minimum, let first { return Outcome(passed: true, evidence: "“\(first.0)”", line: first.1) }
        return Outcome(passed: false, evidence: "found \(count) of the \(minimum) required", line: nil)
    }

    func documentLacks(_ plan: PlanDocument) -> Outcome {
        guard let pattern = regex("pattern") else { return Outcome(passed: false, evidence: "invalid pattern", line: nil) }
        let (count, first) = matches(pattern, in: plan.blocks)
        if count == 0 { return Outcome(passed: true, evidence: "none found", line: nil) }
        return Outcome(passed: false, evidence: "found “\(first?.0 ?? "")”", line: first?.1)
    }

    /// The profile's value of `field` as words a plan would use: engines by name and alias, other
    /// values with the names the vocabulary lists for them (`efcore` is also "EF Core").
    func words(for field: String) -> [String] {
        switch profile[field] {
        case .engine(let engine)?:
            return [engine, vocabulary.displayName(engine)] + (vocabulary.engines[engine]?.aliases ?? [])
        case .list(let items)?: return items.flatMap { [$0] + (vocabulary.terms[$0] ?? []) }
        case let value?: return [value.description] + (vocabulary.terms[value.description] ?? [])
        case nil: return []
        }
    }

    func contains(_ text: String, word: String) -> Bool {
        wordPattern(word).map { text.contains($0) } ?? false
    }

    /// `word` on its own, not inside an identifier; compile once and reuse across blocks.
    func wordPattern(_ word: String) -> PlanPattern? {
        let escaped = word.map { "\\^$.|?*+()[]{}".contains($0) ? "\\\($0)" : String($0) }.joined()
        return PlanPattern("(?i)(^|[^A-Za-z0-9_])" + escaped + "($|[^A-Za-z0-9_])")
    }

    func mentionsProfile(_ plan: PlanDocument) -> Outcome {
        guard let field = list("field").first else { return Outcome(passed: false, evidence: "no field", line: nil) }
        let values = words(for: field)
        guard !values.isEmpty else { return Outcome(passed: true, evidence: "the profile does not state \(field)", line: nil) }
        let blocks = spec["section"] == nil ? plan.blocks : sections(plan, "section").flatMap(\.blocks)
        // Compiled once for all blocks: compiling per block cost more than matching.
        let patterns = values.compactMap { value in wordPattern(value).map { (value, $0) } }
        for block in blocks {
            if let (word, _) = patterns.first(where: { block.text.contains($0.1) }) {
                return Outcome(passed: true, evidence: "mentions “\(word)”", line: block.line)
            }
        }
        return Outcome(passed: false, evidence: "never mentions \(values.prefix(2).joined(separator: " or ")) (\(field))", line: nil)
    }

    func codeMentions(_ plan: PlanDocument) -> Outcome {
        guard let field = list("field").first else { return Outcome(passed: false, evidence: "no field", line: nil) }
        let tools = words(for: field)
        let patterns = tools.compactMap { tool in wordPattern(tool).map { (tool, $0) } }
        for block in plan.codeBlocks {
            if let (tool, _) = patterns.first(where: { block.text.contains($0.1) }) {
                return Outcome(passed: true, evidence: "a code block uses `\(tool)`", line: block.line)
            }
        }
        return Outcome(passed: false, evidence: "no code block uses \(tools.map { "`\($0)`" }.joined(separator: ", "))", line: nil)
    }

    func codeLacks(_ plan: PlanDocument) -> Outcome {
        guard let field = list("field").first else { return Outcome(passed: false, evidence: "no field", line: nil) }
        let tools = words(for: field)
        let patterns = tools.compactMap { tool in wordPattern(tool).map { (tool, $0) } }
        for block in plan.codeBlocks {
            if let (tool, _) = patterns.first(where: { block.text.contains($0.1) }) {
                return Outcome(passed: false, evidence: "a code block uses `\(tool)`, which the profile lists in \(field)", line: block.line)
            }
        }
        return Outcome(passed: true, evidence: "no code block uses \(tools.map { "`\($0)`" }.joined(separator: ", "))", line: nil)
    }

    func sectionNotShorter(_ plan: PlanDocument) -> Outcome {
        let first = sections(plan, "section"), second = sections(plan, "than")
        guard let rollback = first.max(by: { $0.wordCount < $1.wordCount }) else {
            return Outcome(passed: false, evidence: "no section headed like \(list("section").prefix(2).map { "“\($0)”" }.joined(separator: ", "))", line: nil)
        }
        guard let cutover = second.max(by: { $0.wordCount < $1.wordCount }) else {
            return Outcome(passed: false, evidence: "no section headed like \(list("than").prefix(2).map { "“\($0)”" }.joined(separator: ", ")) to compare with", line: nil)
        }
        let passed = rollback.wordCount >= cutover.wordCount
        return Outcome(passed: passed, evidence: "“\(rollback.heading)” has \(rollback.wordCount) words, “\(cutover.heading)” \(cutover.wordCount)",
                       line: rollback.line)
    }

    func structuredList(_ plan: PlanDocument) -> Outcome {
        guard let pattern = regex("pattern") else { return Outcome(passed: false, evidence: "invalid pattern", line: nil) }
        let found = sections(plan, "section")
        guard !found.isEmpty else {
            return Outcome(passed: false, evidence: "no section headed like \(list("section").prefix(2).map { "“\($0)”" }.joined(separator: ", "))", line: nil)
        }
        let structured = found.flatMap(\.blocks).filter { $0.kind == .list || $0.kind == .table }
        guard !structured.isEmpty else {
            return Outcome(passed: false, evidence: "“\(found[0].heading)” is prose, not a table or list", line: found[0].line)
        }
        let rows = structured.flatMap { block in block.rows.map { ($0, block.line) } }
        if let row = rows.first(where: { $0.0.contains(pattern) }) {
            return Outcome(passed: true, evidence: "\(rows.count) rows, such as “\(SVG.clip(row.0, 60))”", line: row.1)
        }
        return Outcome(passed: false, evidence: "no row of the \(structured[0].kind == .table ? "table" : "list") matches", line: structured[0].line)
    }

    func codeBlocks(_ plan: PlanDocument) -> Outcome {
        let count = plan.codeBlocks.count
        return Outcome(passed: count >= minimum, evidence: "\(count) code block(s)", line: plan.codeBlocks.first?.line)
    }
}
