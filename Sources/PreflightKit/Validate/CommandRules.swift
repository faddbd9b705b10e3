/// Every command a step carries must be runnable as written, so that `rehearse` can run it and a
/// DBA can paste it: connection details come only from the documented environment variables, a
/// script sets any other name before reading it, SQL names the server it runs on, and nothing is
/// left as a placeholder. A command that cannot be (a console, a call to the vendor) says so with
/// `manual:`, naming what a person does and confirms.
package struct CommandRules {
    var environment: [String: String]

    /// Languages whose variables are checked: the ones `rehearse` runs through a shell.
    package static let shells: Set<String> = ["shell", "psql", "bash", "sh"]

    func validate(_ item: Item) -> [Diagnostic] {
        guard item.kind == .step else { return [] }
        var diagnostics: [Diagnostic] = []
        for command in item.commands {
            let name = command.title.map { "command `\($0)`" } ?? "a command"
            if let manual = command.manual {
                if manual.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    diagnostics.append(.error(.commandNotRunnable, "\(name) is marked manual without saying what to do", at: item.location(of: "commands")))
                }
                continue
            }
            var problems: [String] = []
            if Self.shells.contains(command.language) {
                let unknown = Self.readVariables(command.code).subtracting(Self.assignedVariables(command.code))
                    .filter { environment[$0] == nil }
                if !unknown.isEmpty {
                    problems.append("reads " + unknown.sorted().map { "`$\($0)`" }.joined(separator: ", ")
                                    + ", which \(unknown.count == 1 ? "is" : "are") not among the documented environment variables")
                }
            }
            if command.language == "sql", command.on == nil {
                problems.append("is SQL without `on: source` or `on: target`")
            }
            if let placeholder = Self.placeholder(in: command.code) {
                problems.append("leaves the placeholder `\(placeholder)` to fill in")
            }
            for problem in problems {
                diagnostics.append(.error(.commandNotRunnable, "\(name) \(problem)", at: item.location(of: "commands")))
            }
        }
        return diagnostics
    }

    /// Upper-case names read as `$NAME` or `${NAME}` outside single quotes (where the shell expands
    /// nothing: an awk program's `$NF` is not a variable).
    /// - Parameter withDefaults: also count names read only as `${NAME:-default}`, which need no value.
    package static func readVariables(_ code: String, withDefaults: Bool = true) -> Set<String> {
        var names = Set<String>()
        var quoted = false, doubleQuoted = false
        var characters = Array(code)[...]
        while let character = characters.popFirst() {
            if character == "\\" { _ = characters.popFirst(); continue }
            if character == "\"", !quoted { doubleQuoted.toggle(); continue }
            if character == "'", !doubleQuoted { quoted.toggle(); continue }
            guard character == "$", !quoted else { continue }
            let braced = characters.first == "{"
            if braced { characters.removeFirst() }
            let name = String(characters.prefix { $0.isUppercase || $0.isNumber || $0 == "_" })
            let defaulted = braced && characters.dropFirst(name.count).starts(with: ":-")
            if name.count > 1, name.first!.isUppercase, withDefaults || !defaulted { names.insert(name) }
        }
        return names
    }

    /// Names the script gives a value itself: `NAME=…`, `export NAME=…`, `for NAME in`, `read NAME`.
    package static func assignedVariables(_ code: String) -> Set<String> {
        var names = Set<String>()
        for line in code.split(whereSeparator: \.isNewline) {
            for statement in line.split(separator: ";") {
                var words = statement.split(separator: " ").map(String.init)
                while let first = words.first, ["export", "local", "readonly", "do", "then", "else", "{", "("].contains(first) { words.removeFirst() }
                guard let first = words.first else { continue }
                if let equals = first.firstIndex(of: "="), first[..<equals].allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) {
                    names.insert(String(first[..<equals]))
                } else if first == "for", words.count > 2, words[2] == "in" {
                    names.insert(words[1])
                } else if first == "read" {
                    words.dropFirst().filter { !$0.hasPrefix("-") }.forEach { names.insert($0) }
                }
            }
        }
        return names
    }

    /// `<instance-id>`-style text a reader must replace, if any.
    static func placeholder(in code: String) -> String? {
        guard let range = code.range(of: #"(?<!<)<[a-z][a-z0-9_-]*>"#, options: .regularExpression) else { return nil }
        return String(code[range])
    }
}
