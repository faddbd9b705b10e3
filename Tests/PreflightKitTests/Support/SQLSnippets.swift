import Foundation
@testable import PreflightKit

/// PostgreSQL snippets in the shipped content: step commands and fenced code blocks.
struct SQLSnippet: Hashable {
    var origin: String
    var code: String
    /// False when the item's version tests exclude the server the suite runs on, or the item needs
    /// an extension or a managed service the test server does not have: the snippet is not run.
    var admitsServerVersion: Bool
}

enum SQLSnippets {
    /// Languages that are PostgreSQL whatever the item says; `sql` counts only in PostgreSQL-only items.
    static let postgresLanguages: Set<String> = ["psql", "pgsql", "postgresql", "plpgsql"]

    static let shellLanguages: Set<String> = ["shell", "sh", "bash", "console", "zsh"]

    /// - Parameter server: the version of the server the snippets will run on, as it reports it.
    static func collect(_ content: ContentSet, renderer: BodyRenderer, server: Version) -> [SQLSnippet] {
        var snippets: [SQLSnippet] = []
        // A step that strategies own runs only where one of them does: their conditions count too.
        var owners: [String: [Item]] = [:]
        for strategy in content.items where strategy.strategy?.procedure != nil {
            for id in strategy.strategy!.procedure!.stepIDs { owners[id, default: []].append(strategy) }
        }
        for item in content.items {
            let contexts: [(Condition, Bool)] = owners[item.id].map { strategies in
                strategies.map { owner in
                    (owner.when, (owner.strategy?.tools ?? []).contains { extensionTools.contains($0) })
                }
            } ?? [(.always, false)]
            func add(_ language: String, _ code: String, when: Condition, families: Set<String>, origin: String) {
                let rendered = renderer.render(code)
                // The snippet runs on this server when the item fits it under one of its owners.
                func admits(_ side: String?) -> Bool {
                    contexts.contains { ownerWhen, ownerLacks in
                        let condition = Condition.all([item.when, when, ownerWhen])
                        if ownerLacks || needsWhatTheServerLacks(condition) { return false }
                        guard let side else { return admitsServer(condition, server) }
                        return side == "both" ? admitsServer(condition, server, side: "source") && admitsServer(condition, server, side: "target")
                                              : admitsServer(condition, server, side: side)
                    }
                }
                if isPostgres(language, families) {
                    snippets.append(SQLSnippet(origin: origin, code: rendered, admitsServerVersion: admits(nil)))
                } else if shellLanguages.contains(language.lowercased()) {
                    // psql invocations inside shell commands: their -c arguments and heredocs are SQL too.
                    for (sql, side) in psqlStatements(in: rendered) {
                        // Without a named side, the query must fit whichever server it runs on.
                        snippets.append(SQLSnippet(origin: origin + " (psql)", code: sql, admitsServerVersion: admits(side ?? "both")))
                    }
                }
            }
            for command in item.commands {
                add(command.language, command.code, when: command.when, families: families(item.when, command.when, content),
                    origin: "\(item.file) command `\(command.title ?? "")`")
            }
            for (language, code, line) in fencedBlocks(item.body) {
                add(language, code, when: .always, families: families(item.when, .always, content),
                    origin: "\(item.file):\(item.bodyLine + line)")
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

    /// SQL passed to psql in a shell script (`-c "…"`, `-Atc "…"`, `--command="…"`, heredocs), with the
    /// side it runs on when the connection names it (`$SOURCE_URL`, `$TARGET_URL`).
    static func psqlStatements(in script: String) -> [(String, String?)] {
        var statements: [(String, String?)] = []
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            var line = lines[index]
            // Join continuation lines of one command.
            while line.hasSuffix("\\"), index + 1 < lines.count {
                line = String(line.dropLast()) + " " + lines[index + 1]
                index += 1
            }
            index += 1
            guard let start = line.range(of: "psql ") ?? line.range(of: "psql\t") else { continue }
            var command = String(line[start.lowerBound...])
            // Only psql's own arguments: stop where a pipe or a list hands over to the next command,
            // outside quotes (SQL's own `||` joins strings).
            command = Self.outsideQuotes(command, before: [" | ", " && ", " || ", "; "])
            // PgBouncer's admin console speaks its own commands (PAUSE, RELOAD), not PostgreSQL SQL.
            if command.lowercased().contains("pgbouncer") { continue }
            let side = command.contains("$SOURCE") ? "source" : (command.contains("$TARGET") ? "target" : nil)
            statements += commandArguments(command).map { ($0, side) }
            if let heredoc = command.range(of: "<<") {
                let marker = command[heredoc.upperBound...].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "'\"-")).split(separator: " ").first.map(String.init) ?? ""
                var body: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != marker {
                    body.append(lines[index])
                    index += 1
                }
                index += 1
                if !marker.isEmpty { statements.append((body.joined(separator: "\n"), side)) }
            }
        }
        return statements
    }

    /// The command up to the first separator that stands outside single or double quotes.
    static func outsideQuotes(_ command: String, before separators: [String]) -> String {
        var quote: Character?
        var index = command.startIndex
        while index < command.endIndex {
            let character = command[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if separators.contains(where: { command[index...].hasPrefix($0) }) {
                return String(command[..<index])
            }
            index = command.index(after: index)
        }
        return command
    }

    /// The double-quoted arguments of `-c`, `-Atc`/`-tAc`-style flag groups ending in `c`, and `--command=`.
    static func commandArguments(_ command: String) -> [String] {
        var results: [String] = []
        let characters = Array(command)
        var index = 0
        while index < characters.count {
            var flagEnd: Int?
            if characters[index] == "-", index + 1 < characters.count, characters[index + 1] != "-" {
                var cursor = index + 1
                while cursor < characters.count, characters[cursor].isLetter { cursor += 1 }
                let flag = String(characters[(index + 1)..<cursor])
                if flag.hasSuffix("c"), !flag.isEmpty { flagEnd = cursor }
            } else if command[command.index(command.startIndex, offsetBy: index)...].hasPrefix("--command=") {
                flagEnd = index + "--command=".count - 1
            }
            guard var cursor = flagEnd else { index += 1; continue }
            while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "=" { cursor += 1 }
            guard cursor < characters.count, characters[cursor] == "\"" || characters[cursor] == "'" else { index = cursor; continue }
            let quote = characters[cursor]
            var value = ""
            cursor += 1
            while cursor < characters.count, characters[cursor] != quote {
                // Inside double quotes the shell drops a backslash only before $ ` " \\ (so `\\copy` stays).
                if characters[cursor] == "\\", quote == "\"", cursor + 1 < characters.count,
                   "$`\"\\".contains(characters[cursor + 1]) {
                    cursor += 1
                }
                value.append(characters[cursor])
                cursor += 1
            }
            // A value that interpolates shell variables only exists at run time.
            let interpolates = value.range(of: #"\$[A-Za-z_{(]"#, options: .regularExpression) != nil
            if !value.isEmpty, !interpolates { results.append(value) }
            index = cursor + 1
        }
        return results
    }

    /// Extensions the test server has (scripts/with-postgres.sh installs them where Debian packages them).
    static let serverExtensions: Set<String> = ["pg_stat_statements"]
    /// Tools that are server extensions the test server lacks.
    static let extensionTools: Set<String> = ["pglogical"]
    static let managedHosting: Set<String> = ["rds", "aurora", "cloud-sql", "alloydb", "azure-postgresql"]

    /// Whether the item only applies with an extension the server lacks, or on a managed service.
    static func needsWhatTheServerLacks(_ condition: Condition) -> Bool {
        var lacks = false
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts): parts.forEach(visit)
            case .any(let parts): parts.forEach(visit)
            case .test(let test):
                let values: [String]
                switch test.predicate {
                case .equals(.text(let word)): values = [word]
                case .anyOf(let options): values = options.compactMap { if case .equals(.text(let w)) = $0 { w } else { nil } }
                default: values = []
                }
                if test.path == "extensions", values.contains(where: { !serverExtensions.contains($0) }) { lacks = true }
                if test.path == "tools.available", !values.isEmpty, values.allSatisfy(extensionTools.contains) { lacks = true }
                if test.path.hasSuffix(".hosting"), !values.isEmpty, values.allSatisfy(managedHosting.contains) { lacks = true }
            default: break
            }
        }
        visit(condition)
        return lacks
    }

    /// Whether the version tests on `side` admit the server's version.
    static func admitsServer(_ condition: Condition, _ server: Version, side: String) -> Bool {
        var admits = true
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts): parts.forEach(visit)
            case .test(let test) where test.path == side + ".version":
                if !ConditionEvaluator.matches(.version(server), test.predicate) { admits = false }
            default: break
            }
        }
        visit(condition)
        return admits
    }

    /// Whether the server's version passes the top-level version tests of one side: a query written
    /// for the source only (`source.version: "9.2..<10"`) runs on no server outside that range, and
    /// one for either side runs where either side's tests admit the server.
    static func admitsServer(_ condition: Condition, _ server: Version) -> Bool {
        var bySide: [String: Bool] = [:]
        func visit(_ condition: Condition) {
            switch condition {
            case .all(let parts): parts.forEach(visit)
            case .test(let test) where test.path == "source.version" || test.path == "target.version":
                let admits = ConditionEvaluator.matches(.version(server), test.predicate)
                bySide[test.path] = (bySide[test.path] ?? true) && admits
            default: break
            }
        }
        visit(condition)
        return bySide.isEmpty || bySide.values.contains(true)
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
