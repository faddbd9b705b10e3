/// A new content item with the front-matter keys its kind takes, in the folder authors use for it.
public struct ItemScaffold: Sendable {
    public var kind: Kind
    public var id: String
    public var title: String

    public init(kind: Kind, id: String, title: String) {
        self.kind = kind
        self.id = id
        self.title = title
    }

    /// Where the file goes under the content folder.
    public var relativePath: String {
        let folder: String
        switch kind {
        case .mistake: folder = "guidance/mistakes"
        case .troubleshooting: folder = "guidance/troubleshooting"
        case .tip: folder = "guidance/tips"
        case .faq: folder = "guidance/faq"
        case .criterion: folder = "guidance/criteria"
        case .concept: folder = "guidance/concepts"
        case .whenNot: folder = "guidance/when-not"
        case .engineNote: folder = "engines"
        case .step: folder = "steps/plan"
        case .strategy: folder = "strategies"
        case .notice: folder = "comms"
        case .promptRule: folder = "prompts"
        }
        return "\(folder)/\(id).md"
    }

    public func text() -> String {
        var lines = ["---", "id: \(id)", "kind: \(kind.rawValue)", "title: \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\"",
                     "summary: \"\"", "when: {}", "roles: [engineer, dba]"]
        switch kind {
        case .step:
            lines += ["phase: plan", "owner: dba", "estimate: 10m", "gate: false", "commands: []"]
        case .strategy:
            lines += ["requires: { tools: [] }", "excludes: []", "downtime: 30m", "rpo: 0", "pros: []", "cons: []"]
        case .criterion:
            lines += ["check: { type: deliverable, synonyms: [] }", "weight: 1"]
        case .notice:
            lines += ["channel: email", "subject: \"\""]
        case .promptRule:
            lines += ["section: context", "line: \"\""]
        case .engineNote:
            lines += ["phase: before-staging", "severity: medium", "tags: []"]
        default:
            lines += ["phase: plan", "severity: medium"]
        }
        lines += ["related: []", "sources: []", "---", "",
                  "Say what the reader will see, why it happens, and what to do: the exact command or query,",
                  "the version where the behaviour changed, the threshold to watch.", ""]
        return lines.joined(separator: "\n")
    }
}
