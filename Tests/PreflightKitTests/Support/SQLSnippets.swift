import Foundation
@testable import PreflightKit

/// PostgreSQL snippets in the shipped content: step commands and fenced code blocks.
struct SQLSnippet: Hashable {
    var origin: String
    var code: String
    /// False when the item's version tests exclude the PostgreSQL 15 server the suite runs on,
    /// so that a catalog object of another version may legitimately be missing.
    var admitsServerVersion: Bool
}

enum SQLSnippets {
    /// Languages that are PostgreSQL whatever the item says; `sql` counts only in PostgreSQL-only items.
    static let postgresLanguages: Set<String> = ["psql", "pgsql", "postgresql", "plpgsql"]
    static let serverVersion = Version([15])

    static func collect(_ content: ContentSet, renderer: BodyRenderer) -> [SQLSnippet] {
        var snippets: [SQLSnippet] = []
        for item in content.items {
            let admits = admitsServer(item.when)
            for command in item.commands where isPostgres(command.language, families(item.when, command.when, content)) {
                snippets.append(SQLSnippet(origin: "\(item.file) command `\(command.title ?? "")`",
                                           code: renderer.render(command.code), admitsServerVersion: admits))
            }
            for (language, code, line) in fencedBlocks(item.body)
            where isPostgres(language, families(item.when, .always, content)) {
                snippets.append(SQLSnippet(origin: "\(item.file):\(item.bodyLine + line)",
                                           code: renderer.render(code), admitsServerVersion: admits))
            }
        }
        var seen = Set<String>()
        return snippets.filter { seen.insert($0.code).inserted }
    }

    static func isPostgres(_ language: String, _ families: Set<String>) -> Bool {
        let language = language.lowercased()
        if postgresLanguages.contains(language) { return families.isEmpty || families.contains("postgresql") }
        return language == "sql" && families == ["postgresql"]
    }

    /// Engine families the conditions require by equality at the top level.
    static func families(_ conditions: Condition..., content: ContentSet) -> Set<String> {
        families(conditions, content)
    }

    static func families(_ first: Condition, _ second: Condition, _ content: ContentSet) -> Set<String> {
        families([first, second], content)
    }

    static func families(_ conditions: [Condition], _ content: ContentSet) -> Set<String> {
        var result = Set<String>()
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts): parts.forEach(visit)
            case .test(let test):
                guard ["source.family", "target.family", "source.engine", "target.engine"].contains(test.path),
                      case .equals(.engine(let engine)) = test.predicate else { return }
                result.insert(content.vocabulary.family(of: engine))
            default: break
            }
        }
        conditions.forEach(visit)
        return result
    }

    /// Whether every top-level version test on one side admits PostgreSQL 15.
    static func admitsServer(_ condition: Condition) -> Bool {
        var bySide: [String: Bool] = ["source.version": true, "target.version": true]
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts): parts.forEach(visit)
            case .test(let test) where bySide[test.path] != nil:
                if !ConditionEvaluator.matches(.version(serverVersion), test.predicate) { bySide[test.path] = false }
            default: break
            }
        }
        visit(condition)
        return bySide.values.contains(true)
    }

    /// Fenced code blocks with their language and the body line they start on.
    static func fencedBlocks(_ body: String) -> [(String, String, Int)] {
        var blocks: [(String, String, Int)] = []
        var current: (fence: String, language: String, lines: [String], start: Int)?
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = current {
                if trimmed.hasPrefix(open.fence), trimmed.allSatisfy({ $0 == "`" || $0 == "~" || $0 == " " }) {
                    blocks.append((open.language, open.lines.joined(separator: "\n"), open.start))
                    current = nil
                } else {
                    current?.lines.append(String(line))
                }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix { $0 == "`" || $0 == "~" })
                let language = String(trimmed.dropFirst(fence.count)).trimmingCharacters(in: .whitespaces)
                current = (fence, language.split(separator: " ").first.map(String.init) ?? "", [], index)
            }
        }
        return blocks
    }
}
