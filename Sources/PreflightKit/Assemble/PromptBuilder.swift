/// The tailored prompt for an AI assistant, assembled from the content's prompt rules.
///
/// Each rule adds a line to one section when its `when` holds; the sections and their order are the
/// structure that makes an assistant answer with a usable plan: who it is, the context, numbered
/// deliverables, constraints, what to include, the tools, the rollback triggers, the output format.
public struct PromptBuilder: Sendable {
    public init() {}

    static let headings: [String: String] = [
        "context": "Context", "deliverables": "Deliverables", "constraints": "Constraints", "include": "Include",
        "tools": "Tools", "rollback": "Rollback triggers", "format": "Output format",
    ]

    /// The prompt as plain text with numbered sections.
    public func text(_ selection: Selection, renderer: BodyRenderer) -> String {
        let rules = selection.included.filter { $0.kind == .promptRule }
        func lines(_ section: String) -> [String] {
            rules.filter { $0.extras["section"]?.string == section }
                .sorted { ($0.order, $0.id) < ($1.order, $1.id) }
                .map { rule in renderer.render(rule.extras["line"]?.string ?? rule.body).trimmingSpaces }
                .filter { !$0.isEmpty }
        }
        var out: [String] = []
        let role = lines("role")
        if !role.isEmpty { out.append(role.joined(separator: " ")) }
        var number = 0
        for section in KindRules.promptSections where section != "role" {
            let body = lines(section)
            guard !body.isEmpty else { continue }
            number += 1
            let heading = "\(number)) \(Self.headings[section] ?? section):"
            if section == "deliverables" {
                let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
                out.append(([heading] + body.enumerated().map { "   \(letters[$0.offset % 26])) \($0.element)" })
                    .joined(separator: "\n"))
            } else {
                out.append(([heading] + body.map { "   - \($0)" }).joined(separator: "\n"))
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    public func document(_ selection: Selection, renderer: BodyRenderer) -> Document {
        let prompt = text(selection, renderer: renderer)
        let fence = prompt.trimmingSpaces.fenced(language: "text")
        return Document(path: "prompt", title: "Tailored AI prompt — \(selection.profile.name)",
                        summary: renderer.strings.summary(of: "prompt"),
                        sections: [Section(id: "prompt", title: "Prompt", blocks: [.markdown(fence)])],
                        formats: [.markdown, .html])
    }
}
