/// Wiki pages in GitHub and GitLab conventions: `Home`, `_Sidebar`, a page per guidance kind, the checklist.
///
/// Links are bare page names (`Pro-Tips`, `Pro-Tips#anchor`), which both wikis resolve inside the wiki.
public struct WikiBuilder: Sendable {
    public init() {}

    /// Where an item lives in the wiki: its kind's page, or the checklist for steps.
    static func link(_ item: Item, strings: Strings) -> (title: String, link: String)? {
        if item.kind == .step { return (item.title, "Checklist") }
        guard Kind.guidance.contains(item.kind) else { return nil }
        return (item.title, "\(strings.wikiPage(of: item.kind))#\(Slug.github(item.title))")
    }

    public func build(_ selection: Selection, renderer: BodyRenderer, checklist: Document) -> [Document] {
        let included = selection.included
        let byID = Dictionary(included.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var pages: [Document] = []
        var links: [(title: String, page: String, count: Int)] = []
        for kind in Kind.guidance {
            let items = included.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            let entries = items.map { item -> Block in
                .entry(GuidanceEntry(
                    id: item.id, title: item.title, summary: item.summary.map(renderer.render), severity: item.severity,
                    body: renderer.render(item.body).trimmingSpaces, sources: item.sources,
                    related: item.related.compactMap { id in byID[id].flatMap { Self.link($0, strings: renderer.strings) } }))
            }
            pages.append(Document(path: "wiki/" + renderer.strings.wikiPage(of: kind), title: renderer.strings.title(of: kind),
                                  sections: [Section(id: kind.rawValue, title: renderer.strings.title(of: kind), blocks: entries)],
                                  formats: [.markdown]))
            links.append((renderer.strings.title(of: kind), renderer.strings.wikiPage(of: kind), items.count))
        }
        let concepts = included.filter { $0.kind == .concept }.sorted { $0.title.lowercased() < $1.title.lowercased() }
        if !concepts.isEmpty {
            let lines = concepts.map { item in
                "- **[\(item.title)](\(renderer.strings.wikiPage(of: .concept))#\(Slug.github(item.title)))**"
                    + (item.summary.map { " — " + renderer.render($0) } ?? "")
            }
            pages.append(Document(path: "wiki/Glossary", title: "Glossary",
                                  sections: [Section(id: "terms", title: "", blocks: [.markdown(lines.joined(separator: "\n"))])],
                                  formats: [.markdown]))
            links.append(("Glossary", "Glossary", concepts.count))
        }
        var wikiChecklist = checklist
        wikiChecklist.path = "wiki/Checklist"
        wikiChecklist.formats = [.markdown]
        let profile = selection.profile
        let home = Document(path: "wiki/Home", title: profile.name,
                            summary: renderer.strings.summary(of: "wiki"),
                            sections: [
                                Section(id: "environment", title: "This migration",
                                        blocks: [.markdown(ProfileSummary.markdown(profile, vocabulary: renderer.vocabulary))]),
                                Section(id: "pages", title: "Pages", blocks: [.markdown(
                                    (["- [Pre-cutover checklist](Checklist)"] + links.map { "- [\($0.title)](\($0.page)) (\($0.count))" })
                                        .joined(separator: "\n"))]),
                            ], formats: [.markdown])
        let sidebar = Document(path: "wiki/_Sidebar", title: "", sections: [
            Section(id: "nav", title: "", blocks: [.markdown(
                (["- [Home](Home)", "- [Checklist](Checklist)"] + links.map { "- [\($0.title)](\($0.page))" })
                    .joined(separator: "\n"))]),
        ], formats: [.markdown])
        return [home, sidebar, wikiChecklist] + pages
    }
}
