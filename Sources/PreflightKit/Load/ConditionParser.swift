/// Reads a `when` mapping into a typed `Condition`, checking every field path, operator and value
/// against the profile format so that mistakes surface at load time with their position.
public struct ConditionParser: Sendable {
    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// Group keywords that combine the tests beneath them.
    static let groupKeys: Set<String> = ["any", "all", "not"]

    public func parse(_ tree: YAMLTree, diagnostics: inout [Diagnostic]) -> Condition {
        switch tree {
        case .mapping(let entries, _):
            return .all(entries.compactMap { parseEntry($0, diagnostics: &diagnostics) })
        case .null:
            return .always
        default:
            diagnostics.append(.error(.conditionNotMapping, "`when` must be a mapping of profile fields to tests, found \(tree.shape)",
                                      at: tree.location, hint: "write for example `when: { target.engine: postgresql }`"))
            return .always
        }
    }

    private func parseEntry(_ entry: YAMLTree.Entry, diagnostics: inout [Diagnostic]) -> Condition? {
        switch entry.key {
        case "any", "all":
            guard case .sequence(let alternatives, _) = entry.value else {
                diagnostics.append(.error(.conditionNotMapping, "`\(entry.key)` takes a list of mappings, found \(entry.value.shape)",
                                          at: entry.keyLocation,
                                          hint: "write `\(entry.key):` followed by lines such as `- { target.engine: mysql }`"))
                return nil
            }
            let parts = alternatives.map { parse($0, diagnostics: &diagnostics) }
            return entry.key == "any" ? .any(parts) : .all(parts)
        case "not":
            return .not(parse(entry.value, diagnostics: &diagnostics))
        default:
            return parseTest(path: entry.key, at: entry.keyLocation, value: entry.value, diagnostics: &diagnostics)
                .map(Condition.test)
        }
    }

    /// A single `path: test` pair; also used for the `when` of commands.
    func parseTest(path: String, at location: SourceLocation, value: YAMLTree, diagnostics: inout [Diagnostic]) -> FieldTest? {
        guard let field = ProfileSchema.field(path) else {
            let message: String
            var hint: String
            if ProfileSchema.isGroup(path) {
                message = "`\(path)` is a group of profile fields, not a field"
                let children = ProfileSchema.paths.filter { $0.hasPrefix(path + ".") }.prefix(4)
                hint = "name a field inside it, such as \(children.map { "`\($0)`" }.joined(separator: ", "))"
            } else {
                message = "`\(path)` is not a profile field"
                hint = "see the profile format in the README"
                let candidates = ProfileSchema.paths + Array(Self.groupKeys)
                if let guess = Suggestion.closest(to: path, among: candidates) { hint = "did you mean `\(guess)`?" }
            }
            diagnostics.append(.error(.unknownField, message, at: location, hint: hint))
            return nil
        }
        let predicate: Predicate?
        switch value {
        case .scalar(let text, let valueLocation):
            predicate = parsePredicate(text, field: field, at: valueLocation, diagnostics: &diagnostics)
        case .sequence(let values, _):
            var parts: [Predicate] = []
            for element in values {
                guard case .scalar(let text, let elementLocation) = element else {
                    diagnostics.append(.error(.conditionMismatch, "a list of alternatives holds single values, found \(element.shape)",
                                              at: element.location, hint: "write `[a, b]` or one `- value` per line"))
                    continue
                }
                if let part = parsePredicate(text, field: field, at: elementLocation, diagnostics: &diagnostics) {
                    parts.append(part)
                }
            }
            predicate = .anyOf(parts)
        default:
            diagnostics.append(.error(.conditionMismatch, "the test on `\(path)` must be a value or a list of values, found \(value.shape)",
                                      at: value.location,
                                      hint: "write `\(path): value`, `\(path): [a, b]`, or `\(path): present`"))
            predicate = nil
        }
        guard let predicate else { return nil }
        return FieldTest(path: path, predicate: predicate, written: Self.written(value), location: location)
    }

    private static func written(_ value: YAMLTree) -> String {
        switch value {
        case .scalar(let text, _): text
        case .sequence(let values, _): "[" + values.compactMap(\.scalar).joined(separator: ", ") + "]"
        default: ""
        }
    }

    func parsePredicate(_ raw: String, field: FieldSpec, at location: SourceLocation,
                        diagnostics: inout [Diagnostic]) -> Predicate? {
        let text = raw.trimmingSpaces
        switch text {
        case "present": return .present
        case "absent": return .absent
        default: break
        }
        for op in ComparisonOperator.allCases where text.hasPrefix(op.rawValue) {
            if op.needsOrder, !field.type.isOrdered {
                diagnostics.append(typeMismatch(op.rawValue, field: field, at: location))
                return nil
            }
            let operand = String(text.dropFirst(op.rawValue.count))
            guard let value = parseValue(operand, field: field, at: location, diagnostics: &diagnostics) else { return nil }
            return op == .equal ? .equals(value) : .compare(op, value)
        }
        for (separator, inclusive) in [("..<", false), ("...", true)] {
            guard let range = text.range(of: separator) else { continue }
            guard field.type.isOrdered else {
                diagnostics.append(typeMismatch(separator, field: field, at: location))
                return nil
            }
            let lower = parseValue(String(text[..<range.lowerBound]), field: field, at: location, diagnostics: &diagnostics)
            let upper = parseValue(String(text[range.upperBound...]), field: field, at: location, diagnostics: &diagnostics)
            guard let lower, let upper else { return nil }
            if let order = upper.compare(to: lower), order < 0 || (order == 0 && !inclusive) {
                diagnostics.append(.error(.emptyRange, "the range `\(text)` is empty: no value can satisfy it", at: location,
                                          hint: "write the lower bound first, such as `12..<15`"))
                return nil
            }
            return .range(lower, upper, inclusive: inclusive)
        }
        return parseValue(text, field: field, at: location, diagnostics: &diagnostics).map(Predicate.equals)
    }

    private func parseValue(_ text: String, field: FieldSpec, at location: SourceLocation,
                            diagnostics: inout [Diagnostic]) -> FieldValue? {
        let elementType: FieldType = field.type == .list ? .text : field.type
        switch elementType.parse(text, vocabulary: vocabulary) {
        case .success(let value):
            if case .text(let word) = value, let allowed = vocabulary.values[field.path], !allowed.contains(word) {
                let hint = Suggestion.closest(to: word, among: allowed).map { "did you mean `\($0)`?" }
                    ?? "accepted values: \(allowed.joined(separator: ", "))"
                diagnostics.append(.error(.unknownValue, "`\(word)` is not a value of `\(field.path)`", at: location, hint: hint))
                return nil
            }
            return value
        case .failure(let error):
            diagnostics.append(.error(.unreadableValue, "\(error.message) (`\(field.path)` takes \(field.type.phrase))",
                                      at: location, hint: error.hint))
            return nil
        }
    }

    private func typeMismatch(_ op: String, field: FieldSpec, at location: SourceLocation) -> Diagnostic {
        .error(.conditionMismatch, "`\(op)` does not fit `\(field.path)`, which holds \(field.type.phrase)", at: location,
               hint: "compare by equality (`\(field.path): value`) or list the values that match (`\(field.path): [a, b]`)")
    }
}
