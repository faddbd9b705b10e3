import Foundation

/// The offline search index: a script that assigns the entries to a global, because browsers do not
/// let a page opened from `file://` fetch a JSON file next to it.
public struct SearchIndex: Sendable, Encodable {
    public struct Entry: Sendable, Encodable {
        /// Title shown in results.
        public var t: String
        /// Link relative to the profile folder.
        public var u: String
        /// Where it is: the document's title.
        public var d: String
        /// Text searched besides the title (summaries, first words of the body).
        public var s: String
    }

    public var entries: [Entry]

    public init(documents: [Document]) {
        var entries: [Entry] = []
        for document in documents where document.formats.contains(.html) {
            let page = document.path + ".html"
            let where_ = document.title.components(separatedBy: " — ").first ?? document.title
            for section in document.sections {
                if !section.title.isEmpty {
                    entries.append(Entry(t: section.title, u: page + "#" + section.id, d: where_, s: ""))
                }
                for block in section.blocks {
                    switch block {
                    case .task(let task):
                        entries.append(Entry(t: task.title, u: page + "#step-" + task.id, d: where_,
                                             s: Self.excerpt(task.body)))
                    case .entry(let entry):
                        entries.append(Entry(t: entry.title, u: page + "#" + entry.id, d: where_,
                                             s: Self.excerpt((entry.summary ?? "") + " " + entry.body)))
                    case .markdown, .figure: break
                    }
                }
            }
        }
        self.entries = entries
    }

    /// About 30 words of prose, without Markdown punctuation or code.
    static func excerpt(_ markdown: String) -> String {
        let prose = MarkdownText.removingCode(markdown)
        let words = prose.split(whereSeparator: { $0.isWhitespace }).prefix(30)
        return words.joined(separator: " ").filter { !"*_`#>|[]".contains($0) }
    }

    /// `window.PREFLIGHT_SEARCH = [...];` with `<` escaped so that no entry can close a script element.
    public func script() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
        return Array("window.PREFLIGHT_SEARCH = \(json);\n".utf8)
    }
}
