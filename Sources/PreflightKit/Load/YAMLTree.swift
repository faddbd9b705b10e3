import Foundation
import Yams

/// YAML as a Sendable tree in which every node knows its file position.
///
/// Yams' `Node` carries marks but is not Sendable; converting once right after parsing lets the
/// decoders below report the line and column of any key or value, including type mismatches.
public indirect enum YAMLTree: Sendable {
    case scalar(String, SourceLocation)
    case mapping([Entry], SourceLocation)
    case sequence([YAMLTree], SourceLocation)
    case null(SourceLocation)

    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLTree
    }

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let location), .mapping(_, let location), .sequence(_, let location), .null(let location):
            location
        }
    }

    public var scalar: String? {
        if case .scalar(let value, _) = self { return value }
        return nil
    }

    /// Human name of the node's shape, for "expected a list, found a mapping".
    public var shape: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .null: "nothing"
        }
    }

    /// Parses `yaml` that starts at `firstLine` of `file`. Syntax errors come back positioned.
    public static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLTree, Diagnostic> {
        do {
            // The basic resolver tags nothing: values are typed by the decoders, and Yams' default
            // resolver ran an ICU regular expression over every plain scalar. The encoding is named
            // because Yams' default reads the whole process environment on every call.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                return .success(.null(SourceLocation(file: file, line: firstLine, column: 1)))
            }
            var walk = Walk()
            let tree = convert(node, file: file, offset: firstLine - 1, depth: 0, walk: &walk)
            if let tooDeep = walk.tooDeep {
                return .failure(.error(.yamlTooDeep, "YAML nested deeper than \(maximumDepth) levels", at: tooDeep,
                                       hint: "front matter and profiles are shallow; flatten the structure"))
            }
            if let tooMany = walk.tooMany {
                return .failure(.error(.yamlTooDeep, "YAML expands to more than \(maximumNodes) values", at: tooMany,
                                       hint: "aliases (`*name`) that repeat anchors (`&name`) multiply; write the values out instead"))
            }
            return .success(tree)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, offset: firstLine - 1))
        } catch {
            return .failure(.error(.yamlSyntax, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1),
                                   hint: "check the file's YAML syntax"))
        }
    }

    /// Nesting beyond this is refused rather than recursed into (hostile or generated input).
    static let maximumDepth = 64
    /// Values beyond this are refused: nested aliases (a "billion laughs") expand exponentially, and a
    /// page of front matter or a profile holds a few hundred.
    static let maximumNodes = 100_000

    /// Where a walk stopped, if it did.
    private struct Walk {
        var nodes = 0
        var tooDeep: SourceLocation?
        var tooMany: SourceLocation?
    }

    private static func convert(_ node: Node, file: String, offset: Int, depth: Int, walk: inout Walk) -> YAMLTree {
        let location = node.mark.map { SourceLocation(file: file, line: $0.line + offset, column: $0.column) }
            ?? SourceLocation(file: file, line: offset + 1, column: 1)
        walk.nodes += 1
        if walk.nodes > maximumNodes || walk.tooMany != nil {
            if walk.tooMany == nil { walk.tooMany = location }
            return .null(location)
        }
        if depth > maximumDepth {
            if walk.tooDeep == nil { walk.tooDeep = location }
            return .null(location)
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, node.null != nil { return .null(location) }
            return .scalar(scalar.string, location)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for pair in mapping {
                let keyLocation = pair.key.mark.map { SourceLocation(file: file, line: $0.line + offset, column: $0.column) }
                    ?? location
                entries.append(Entry(key: pair.key.string ?? "", keyLocation: keyLocation,
                                     value: convert(pair.value, file: file, offset: offset, depth: depth + 1, walk: &walk)))
            }
            return .mapping(entries, location)
        case .sequence(let sequence):
            var elements: [YAMLTree] = []
            for element in sequence { elements.append(convert(element, file: file, offset: offset, depth: depth + 1, walk: &walk)) }
            return .sequence(elements, location)
        case .alias:
            return .null(location)
        }
    }

    private static func diagnostic(for error: YamlError, file: String, offset: Int) -> Diagnostic {
        let hint = "check indentation, a missing `:` after a key, or quote values that contain `: ` or start with `{`, `[`, `*`, `&`, `!`, `%` or `@`"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let location = SourceLocation(file: file, line: mark.line + offset, column: mark.column)
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return .error(.yamlSyntax, message, at: location, hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let location = SourceLocation(file: file, line: context.mark.line + offset, column: context.mark.column)
            return .error(.yamlSyntax, "duplicate key `\(duplicates.joined(separator: "`, `"))` in a mapping", at: location,
                          hint: "each key may appear once; remove or rename one of them")
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax, "invalid YAML: \(problem)", at: SourceLocation(file: file, line: offset + 1, column: 1), hint: hint)
        default:
            return .error(.yamlSyntax, "invalid YAML: \(error)", at: SourceLocation(file: file, line: offset + 1, column: 1), hint: hint)
        }
    }
}
