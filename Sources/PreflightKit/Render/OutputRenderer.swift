import Foundation

/// Turns one profile's assembly into files: Markdown, HTML pages, theme assets, the search index,
/// `explain.json` and `profile.json` (what the site index across profiles reads).
public struct OutputRenderer: Sendable {
    public var html: HTMLRenderer

    public init(html: HTMLRenderer) { self.html = html }

    /// Page margin boxes that put the profile's name and the page number on every printed sheet.
    /// A generated style sheet rather than an inline style, which the Content-Security-Policy forbids.
    static func printStyle(_ name: String) -> String {
        var escaped = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\\", "\"": escaped += "\\" + String(scalar)
            case "\n", "\r": escaped += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { escaped += " " } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return """
        /* Generated for this profile: its name on every printed page. */
        @page {
          @bottom-left { content: "\(escaped)"; font-size: 8pt; color: #444; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #444; }
        }

        """
    }

    /// Every file of the profile: each document as Markdown and HTML, the search index, the
    /// explanation, the assembly's own files, the theme's assets and the checklist in each of the
    /// `exports` forms. Independent files render side by side, a document's Markdown and HTML as
    /// separate tasks, since the largest page is the critical path.
    public func files(for selection: Selection, assembly: Assembly, theme: Theme, exports: [ExportFormat] = []) -> [OutputFile] {
        let markdown = MarkdownRenderer()
        let documents = assembly.documents
        let navigation = theme.strings.navigation
            .filter { link in documents.contains { $0.path == link.path } }
            .map { ["title": $0.title, "href": $0.path + ".html"] }
        let site = ["profile_name": selection.profile.name, "profile_id": selection.profile.id]
        var tasks: [@Sendable () -> [OutputFile]] = []
        for document in documents {
            if document.formats.contains(.markdown) {
                let name = document.path == "index" ? "README.md" : document.path + ".md"
                tasks.append { [OutputFile(path: name, text: markdown.render(document))] }
            }
            if document.formats.contains(.html) {
                tasks.append {
                    [OutputFile(path: document.path + ".html", text: html.render(document, site: site, navigation: navigation))]
                }
            }
        }
        tasks.append { [OutputFile(path: "assets/search-index.js", bytes: SearchIndex(documents: documents).script())] }
        tasks.append { [OutputFile(path: "explain.json", bytes: ExplainReport(selection).json())] }
        tasks.append {
            assembly.files + theme.assets.sorted(by: { $0.key < $1.key }).map { OutputFile(path: "assets/" + $0.key, bytes: $0.value) }
                + [OutputFile(path: "assets/profile.css", text: Self.printStyle(selection.profile.name)),
                   OutputFile(path: "profile.json", bytes: ProfileCard(selection.profile).json())]
        }
        for format in Set(exports).sorted() {
            tasks.append { [format.file(assembly.checklist, html: html, theme: theme)] }
        }
        return parallelMap(tasks) { $0() }.flatMap { $0 }
    }
}
