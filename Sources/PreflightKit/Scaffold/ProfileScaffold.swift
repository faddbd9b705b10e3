/// A new profile file from the answers a user gives (flags or prompts), checked before it is written.
public struct ProfileScaffold: Sendable {
    /// Answers by profile field path (`source`/`target` take `engine@version`).
    public var answers: [(path: String, value: String)]
    public var id: String

    public init(id: String, answers: [(path: String, value: String)]) {
        self.id = id
        self.answers = answers
    }

    /// The questions `preflight new profile` asks on a terminal, in order: (field, prompt, example).
    public static let questions: [(String, String, String)] = [
        ("source", "Source engine and version", "postgresql@12.17"),
        ("target", "Target engine and version", "postgresql@15.5"),
        ("data.size", "Total data size", "1 TB"),
        ("topology.replicas", "Replicas besides the primary", "1"),
        ("application.orm", "ORM or data layer (empty if none)", "sequelize"),
        ("window.mode", "Window mode: read-only, offline or online", "read-only"),
        ("window.duration", "Window length", "20m"),
        ("objectives.rpo", "Data loss you can accept (RPO)", "0"),
    ]

    /// The YAML text; nested groups are written as flow mappings, one group per line.
    public func yaml(schemaPath: String) -> String {
        var groups: [String: [(String, String)]] = [:]
        var order: [String] = []
        for (path, value) in answers where !value.isEmpty {
            if path == "source" || path == "target" {
                let parts = value.split(separator: "@", maxSplits: 1).map(String.init)
                add(&groups, &order, path, "engine", parts[0])
                if parts.count == 2 { add(&groups, &order, path, "version", "\"\(parts[1])\"") }
                continue
            }
            let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 { add(&groups, &order, parts[0], parts[1], quoted(value)) } else {
                add(&groups, &order, path, "", quoted(value))
            }
        }
        var lines = ["# yaml-language-server: $schema=\(schemaPath)", "id: \(id)", "name: \(id)"]
        for group in order {
            let entries = groups[group] ?? []
            if entries.count == 1, entries[0].0.isEmpty {
                lines.append("\(group): \(entries[0].1)")
            } else {
                lines.append("\(group): { " + entries.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func add(_ groups: inout [String: [(String, String)]], _ order: inout [String], _ group: String, _ key: String,
                     _ value: String) {
        if groups[group] == nil { order.append(group) }
        groups[group, default: []].append((key, value))
    }

    /// Quotes values YAML would read as something else (versions such as 8.0, times with colons).
    private func quoted(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isLetter || $0.isNumber || " -_./%@".contains($0) }
        return plain && !value.contains(": ") ? value : "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
