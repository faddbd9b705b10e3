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

    /// Every file of the profile, collected (for tests and tools that want them in memory).
    public func files(for selection: Selection, assembly: Assembly, theme: Theme) -> [OutputFile] {
        let collected = Collected()
        render(selection, assembly: assembly, theme: theme) { file in collected.append(file) }
        return collected.files
    }

    /// Renders every file of the profile and hands each to `sink` as soon as it exists, from several
    /// threads at once. The first error the sink throws is returned after the running tasks finish.
    @discardableResult
    public func render(_ selection: Selection, assembly: Assembly, theme: Theme,
                       into sink: @escaping @Sendable (OutputFile) throws -> Void) -> WriteError? {
        let markdown = MarkdownRenderer()
        let documents = assembly.documents
        let navigation = [("Overview", "index"), ("Checklist", "checklist"), ("Runbook", "runbook"),
                          ("Customer notices", "comms/index")]
            .filter { entry in documents.contains { $0.path == entry.1 } }
            .map { ["title": $0.0, "href": $0.1 + ".html"] }
        let site = ["profile_name": selection.profile.name, "profile_id": selection.profile.id]
        // Documents, the search index and the explanation are independent: one task each, over all
        // cores, so that a single large profile is not rendered on one core. A document's Markdown
        // and HTML are separate tasks, since the largest page is the critical path.
        var tasks: [@Sendable () throws -> Void] = []
        for document in documents {
            if document.formats.contains(.markdown) {
                let name = document.path == "index" ? "README.md" : document.path + ".md"
                tasks.append { try sink(OutputFile(path: name, text: markdown.render(document))) }
            }
            if document.formats.contains(.html) {
                tasks.append {
                    try sink(OutputFile(path: document.path + ".html", text: html.render(document, site: site, navigation: navigation)))
                }
            }
        }
        tasks.append { try sink(OutputFile(path: "assets/search-index.js", bytes: SearchIndex(documents: documents).script())) }
        tasks.append { try sink(OutputFile(path: "explain.json", bytes: ExplainReport(selection).json())) }
        tasks.append {
            for file in assembly.files { try sink(file) }
            for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
                try sink(OutputFile(path: "assets/" + path, bytes: bytes))
            }
            try sink(OutputFile(path: "assets/profile.css", text: Self.printStyle(selection.profile.name)))
            try sink(OutputFile(path: "profile.json", bytes: ProfileCard(selection.profile).json()))
        }
        let failures = parallelMap(tasks) { task -> WriteError? in
            do {
                try task()
                return nil
            } catch let error as WriteError {
                return error
            } catch {
                return WriteError(code: "PF602", message: "cannot write the output: \(error)", hint: "check free space and permissions")
            }
        }
        return failures.compactMap { $0 }.first
    }

    /// Files gathered from the sink's threads, in the order they arrived.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [OutputFile] = []
        var files: [OutputFile] { lock.withLock { list } }
        func append(_ file: OutputFile) { lock.withLock { list.append(file) } }
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
