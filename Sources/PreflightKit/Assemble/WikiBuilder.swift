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

    /// - Parameter documents: the checklist, runbook, risk register and notices page, which the wiki
    ///   carries as pages of its own, with their links turned into wiki links.
    public func build(_ selection: Selection, renderer: BodyRenderer, documents: [Document]) -> [Document] {
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
                                  // One title per page: the section carries none of its own.
                                  sections: [Section(id: kind.rawValue, title: "", blocks: entries)],
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
        let names = ["checklist": "Checklist", "preparation": "Preparation", "runbook": "Runbook", "risks": "Risks",
                     "comms/index": "Customer-notices"]
        let carried = documents.compactMap { document -> Document? in
            guard let name = names[document.path] else { return nil }
            return Self.wikiPage(document, name: name, names: names)
        }
        let profile = selection.profile
        let home = Document(path: "wiki/Home", title: profile.name,
                            summary: renderer.strings.summary(of: "wiki"),
                            sections: [
                                Section(id: "environment", title: "This migration",
                                        blocks: [.markdown(ProfileSummary.markdown(profile, vocabulary: renderer.vocabulary))]),
                                Section(id: "pages", title: "Pages", blocks: [.markdown(
                                    // The carried documents' titles name the profile: plain text, escaped.
                                    (carried.map { "- [\(MarkdownEscape.inline($0.title))](\($0.path.dropFirst("wiki/".count)))" } + links.map { "- [\($0.title)](\($0.page)) (\($0.count))" })
                                        .joined(separator: "\n"))]),
                            ], formats: [.markdown])
        let sidebar = Document(path: "wiki/_Sidebar", title: "", sections: [
            Section(id: "nav", title: "", blocks: [.markdown(
                (["- [Home](Home)"] + carried.map { "- [\($0.path.dropFirst("wiki/".count).replacingOccurrences(of: "-", with: " "))](\($0.path.dropFirst("wiki/".count)))" } + links.map { "- [\($0.title)](\($0.page))" })
                    .joined(separator: "\n"))]),
        ], formats: [.markdown])
        return [home, sidebar] + carried + pages
    }

    /// A document as a wiki page: Markdown only, links to the other documents as wiki page names
    /// (`Runbook#step-x`), figures left out (a wiki page cannot reach the site's SVG files).
    static func wikiPage(_ document: Document, name: String, names: [String: String]) -> Document {
        var page = document
        page.path = "wiki/" + name
        page.formats = [.markdown]
        func wikiLink(_ link: String) -> String {
            for (path, name) in names where link.hasPrefix(path + ".html") {
                return name + link.dropFirst(path.count + ".html".count)
            }
            return link
        }
        page.sections = document.sections.map { section in
            var section = section
            section.blocks = section.blocks.compactMap { block -> Block? in
                switch block {
                case .figure: return nil
                case .task(var task):
                    task.link = task.link.map(wikiLink)
                    return .task(task)
                case .markdown(var text):
                    for (path, name) in names { text = text.replacingOccurrences(of: "(\(path).html", with: "(\(name)") }
                    return .markdown(text)
                default: return block
                }
            }
            return section
        }
        return page
    }
}
