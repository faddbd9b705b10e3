import Foundation

/// Shapes of the kind-specific keys that later stages read: a criterion's machine check, a notice's
/// channel, a prompt rule's section and line. (Strategies are decoded into `StrategySpec` at load.)
///
/// Checked here so that content written today fails at `check` time, not when the stage that reads
/// it meets it.
public struct KindRules: Sendable {
    /// The channels a notice may name: the keys of `channels` in `theme/strings.yml`.
    public var channels: [String]

    public init(channels: [String]) { self.channels = channels.sorted() }

    /// The generic checks `review` runs; a criterion names one in `check.type`.
    public static let checkTypes: [String: (required: [String], optional: [String])] = [
        "deliverable": (["synonyms"], []),
        "section-matches": (["section", "pattern"], ["min"]),
        "document-matches": (["pattern"], ["min"]),
        "document-lacks": (["pattern"], []),
        "mentions-profile": (["field"], ["section"]),
        "code-mentions-profile": (["field"], []),
        "code-lacks-profile": (["field"], []),
        "versions-match": (["fields"], []),
        "section-not-shorter": (["section", "than"], []),
        "structured-list": (["section", "pattern"], []),
        "code-blocks": ([], ["min"]),
        "profile-quantity": (["field", "near"], ["section", "relation"]),
        "rows-match": (["patterns"], ["section", "min"]),
        "prose-lacks-profile": (["field"], ["unless"]),
        "section-order": (["section", "first", "then"], ["anywhere"]),
        "no-duplicates": ([], ["min"]),
        "catalog-versions": ([], ["source-cue", "target-cue", "unless"]),
    ]
    /// The check keys that hold regular expressions.
    static let patternKeys = ["pattern", "patterns", "near", "unless", "first", "then", "anywhere", "source-cue", "target-cue"]
    public static let promptSections = ["role", "context", "deliverables", "constraints", "include", "tools", "rollback",
                                        "format"]

    public func validate(_ item: Item) -> [Diagnostic] {
        switch item.kind {
        case .criterion: criterion(item)
        case .notice: notice(item)
        case .promptRule: promptRule(item)
        default: []
        }
    }

    func criterion(_ item: Item) -> [Diagnostic] {
        let location = item.location(of: "check")
        guard case .map(let check)? = item.extras["check"] else {
            return [.error(.criterionWithoutCheck, "a criterion needs `check` with a `type`", at: item.location(of: "kind"),
                           hint: "types: \(Self.checkTypes.keys.sorted().joined(separator: ", "))")]
        }
        guard let type = check["type"]?.string, let spec = Self.checkTypes[type] else {
            let hint = Suggestion.closest(to: check["type"]?.string ?? "", among: Array(Self.checkTypes.keys))
                .map { "did you mean `\($0)`?" } ?? "types: \(Self.checkTypes.keys.sorted().joined(separator: ", "))"
            return [.error(.criterionWithoutCheck, "`check.type` must name one of the review's checks", at: location, hint: hint)]
        }
        var diagnostics: [Diagnostic] = []
        for key in spec.required where check[key] == nil {
            diagnostics.append(.error(.criterionWithoutCheck, "a `\(type)` check needs `\(key)`", at: location, hint: "add `\(key):` under `check`"))
        }
        for key in check.keys.sorted() where key != "type" && !spec.required.contains(key) && !spec.optional.contains(key) {
            diagnostics.append(.error(.criterionWithoutCheck, "a `\(type)` check has no key `\(key)`", at: location,
                                      hint: "it takes \((spec.required + spec.optional).joined(separator: ", "))"))
        }
        for key in Self.patternKeys {
            let patterns: [String]
            switch check[key] {
            case .scalar(let pattern)?: patterns = [pattern]
            case .list(let values)?: patterns = values.compactMap(\.string)
            default: patterns = []
            }
            // The review runs patterns with ICU (NSRegularExpression); Swift's parser is the stricter
            // about some syntax, so a pattern must satisfy both.
            for pattern in patterns where (try? Regex(pattern)) == nil || (try? NSRegularExpression(pattern: pattern)) == nil {
                diagnostics.append(.error(.criterionWithoutCheck, "`check.\(key)` is not a valid regular expression", at: location,
                                          hint: "test it; escape `\\` in double-quoted YAML or use single quotes"))
            }
        }
        if let relation = check["relation"]?.string, !["at-most", "at-least", "equal"].contains(relation) {
            diagnostics.append(.error(.criterionWithoutCheck, "`check.relation` must be at-most, at-least or equal", at: location,
                                      hint: "at-most: the plan may be stricter than the profile, never looser"))
        }
        for key in ["field", "fields"] {
            let paths: [String]
            switch check[key] {
            case .scalar(let path)?: paths = [path]
            case .list(let values)?: paths = values.compactMap(\.string)
            default: paths = []
            }
            for path in paths where ProfileSchema.field(path) == nil {
                diagnostics.append(.error(.criterionWithoutCheck, "`\(path)` is not a profile field", at: location,
                                          hint: Suggestion.closest(to: path, among: ProfileSchema.paths).map { "did you mean `\($0)`?" }))
            }
        }
        if let weight = item.extras["weight"]?.string, Int(weight) == nil {
            diagnostics.append(.error(.criterionWithoutCheck, "`weight` must be a whole number", at: item.location(of: "weight"),
                                      hint: "write `weight: 2`"))
        }
        return diagnostics
    }

    func notice(_ item: Item) -> [Diagnostic] {
        guard let channel = item.extras["channel"]?.string else {
            return [.error(.noticeWithoutChannel, "a notice needs a `channel`", at: item.location(of: "kind"),
                           hint: "one of: \(channels.joined(separator: ", "))")]
        }
        guard channels.contains(channel) else {
            return [.error(.noticeWithoutChannel, "`\(channel)` is not a notice channel", at: item.location(of: "channel"),
                           hint: Suggestion.closest(to: channel, among: channels).map { "did you mean `\($0)`?" }
                               ?? "one of: \(channels.joined(separator: ", "))")]
        }
        return []
    }

    func promptRule(_ item: Item) -> [Diagnostic] {
        guard let section = item.extras["section"]?.string, Self.promptSections.contains(section) else {
            return [.error(.promptRuleWithoutSection, "a prompt rule needs a `section` of the prompt", at: item.location(of: "section"),
                           hint: "one of: \(Self.promptSections.joined(separator: ", "))")]
        }
        if item.extras["line"]?.string == nil, item.body.trimmingSpaces.isEmpty {
            return [.error(.promptRuleWithoutSection, "a prompt rule needs a `line` (or a body) to add to the prompt",
                           at: item.location(of: "kind"), hint: "write `line: \"Topology: …\"` with profile variables")]
        }
        return []
    }
}
