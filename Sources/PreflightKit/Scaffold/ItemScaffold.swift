/// A new content item with the front-matter keys its kind takes, in the folder authors use for it.
public struct ItemScaffold: Sendable {
    public var kind: Kind
    public var id: String
    public var title: String
    /// The month the author writes it, which is when it was last checked against its sources.
    public var reviewed: CalendarDate

    public init(kind: Kind, id: String, title: String, reviewed: CalendarDate = .today()) {
        self.kind = kind
        self.id = id
        self.title = title
        self.reviewed = reviewed.monthOnly
    }

    /// Where the file goes under the content folder.
    public var relativePath: String {
        let folders: [Kind: String] = [
            .mistake: "guidance/mistakes", .troubleshooting: "guidance/troubleshooting", .tip: "guidance/tips",
            .faq: "guidance/faq", .criterion: "guidance/criteria", .concept: "guidance/concepts",
            .whenNot: "guidance/when-not", .engineNote: "engines", .step: "steps/plan", .strategy: "strategies",
            .notice: "comms", .promptRule: "prompts",
        ]
        return "\(folders[kind] ?? kind.rawValue)/\(id).md"
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
        lines += ["related: []", "reviewed: \(reviewed)", "sources: []", "---", "",
                  "Say what the reader will see, why it happens, and what to do: the exact command or query,",
                  "the version where the behaviour changed, the threshold to watch.", ""]
        return lines.joined(separator: "\n")
    }
}
