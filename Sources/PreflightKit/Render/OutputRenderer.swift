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

    public func files(for selection: Selection, assembly: Assembly, theme: Theme) -> [OutputFile] {
        let markdown = MarkdownRenderer()
        let documents = assembly.documents
        let navigation = [("Overview", "index"), ("Checklist", "checklist"), ("Runbook", "runbook"),
                          ("Customer notices", "comms/index")]
            .filter { entry in documents.contains { $0.path == entry.1 } }
            .map { ["title": $0.0, "href": $0.1 + ".html"] }
        let site = ["profile_name": selection.profile.name, "profile_id": selection.profile.id]
        // Documents, the search index and the explanation are independent: one task each, over all
        // cores, so that a single large profile is not rendered on one core.
        let documentTasks: [@Sendable () -> [OutputFile]] = documents.map { document in {
            var files: [OutputFile] = []
            if document.formats.contains(.markdown) {
                let name = document.path == "index" ? "README.md" : document.path + ".md"
                files.append(OutputFile(path: name, text: markdown.render(document)))
            }
            if document.formats.contains(.html) {
                files.append(OutputFile(path: document.path + ".html",
                                        text: html.render(document, site: site, navigation: navigation)))
            }
            return files
        } }
        let otherTasks: [@Sendable () -> [OutputFile]] = [
            { [OutputFile(path: "assets/search-index.js", bytes: SearchIndex(documents: documents).script())] },
            { [OutputFile(path: "explain.json", bytes: ExplainReport(selection).json())] },
        ]
        let rendered = parallelMap(documentTasks + otherTasks) { $0() }
        var files = Array(rendered[..<documentTasks.count].joined())
        files += assembly.files
        for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, bytes: bytes))
        }
        files += rendered[documentTasks.count...].joined()
        files.append(OutputFile(path: "assets/profile.css", text: Self.printStyle(selection.profile.name)))
        files.append(OutputFile(path: "profile.json", bytes: ProfileCard(selection.profile).json()))
        return files
    }
}

/// What the site index needs to list a profile without loading it again.
public struct ProfileCard: Sendable, Codable {
    public var id: String
    public var name: String

    public init(_ profile: Profile) {
        id = profile.id
        name = profile.name
    }

    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
