/// Turns one profile's documents into files: Markdown, HTML pages, theme assets and `explain.json`.
public struct OutputRenderer: Sendable {
    public var html: HTMLRenderer

    public init(html: HTMLRenderer) { self.html = html }

    public func files(for selection: Selection, documents: [Document], theme: Theme) -> [OutputFile] {
        let markdown = MarkdownRenderer()
        let navigation = documents.filter { $0.formats.contains(.html) }
            .map { ["title": $0.title.components(separatedBy: " — ").first ?? $0.title, "href": $0.path + ".html"] }
        let site = ["profile_name": selection.profile.name, "profile_id": selection.profile.id]
        var files: [OutputFile] = []
        for document in documents {
            if document.formats.contains(.markdown) {
                files.append(OutputFile(path: document.path + ".md", text: markdown.render(document)))
            }
            if document.formats.contains(.html) {
                files.append(OutputFile(path: document.path + ".html",
                                        text: html.render(document, site: site, navigation: navigation)))
            }
        }
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, bytes: bytes))
        }
        files.append(OutputFile(path: "explain.json", bytes: ExplainReport(selection).json()))
        return files
    }
}
