/// `rubric.md`: how to judge an AI assistant's plan for this profile — the criteria that apply,
/// their weights, and what each looks for. `preflight review` runs the same criteria.
public struct RubricBuilder: Sendable {
    public init() {}

    public func build(_ selection: Selection, renderer: BodyRenderer) -> Document {
        let criteria = selection.decisions.filter { $0.item.kind == .criterion && $0.conditionHolds }.map(\.item)
            .sorted { ($0.order, $0.id) < ($1.order, $1.id) }
        let total = criteria.reduce(0) { $0 + ($1.extras["weight"]?.string.flatMap { Int($0) } ?? 1) }
        let entries: [Block] = criteria.map { item in
            let weight = item.extras["weight"]?.string.flatMap { Int($0) } ?? 1
            return .entry(GuidanceEntry(id: item.id, title: "\(item.title) (weight \(weight))", summary: item.summary.map(renderer.render),
                                        severity: nil, body: renderer.render(item.body).trimmingSpaces,
                                        sources: item.sources, related: []))
        }
        return Document(path: "rubric", title: "Rubric for an AI-generated plan — \(selection.profile.name)",
                        summary: "\(criteria.count) criteria, \(total) points. Score a plan automatically with `preflight review PLAN.md --profile FILE`.",
                        sections: [Section(id: "criteria", title: "Criteria", blocks: entries)], formats: [.markdown, .html])
    }
}
