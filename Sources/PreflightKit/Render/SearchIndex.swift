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
        // Role views repeat what the other pages hold; results point at the pages written for everyone.
        for document in documents where document.formats.contains(.html) && !document.path.hasPrefix("roles/") {
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
        // The first few hundred bytes hold the 30 words; the rest of a long body is not read.
        let head = String(markdown.prefix(400))
        let prose = MarkdownText.removingCode(head)
        var out: [UInt8] = []
        var words = 0
        var inWord = false
        for byte in prose.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if inWord { words += 1; inWord = false; if words == 30 { break } }
                continue
            }
            // Backslashes too: values escaped for Markdown (`claim\_events`) read as written.
            if "*_`#>|[]\\".utf8.contains(byte) { continue }
            if !inWord, !out.isEmpty { out.append(0x20) }
            inWord = true
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `window.PREFLIGHT_SEARCH = [...];` with `<` escaped so that no entry can close a script element.
    /// Written by hand: the index has thousands of flat entries, and a generic encoder costs more
    /// than the rest of the page rendering.
    public func script() -> [UInt8] {
        var out = Array("window.PREFLIGHT_SEARCH = [".utf8)
        out.reserveCapacity(entries.count * 160)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += Array("{\"d\":".utf8); Self.appendJSON(entry.d, to: &out)
            out += Array(",\"s\":".utf8); Self.appendJSON(entry.s, to: &out)
            out += Array(",\"t\":".utf8); Self.appendJSON(entry.t, to: &out)
            out += Array(",\"u\":".utf8); Self.appendJSON(entry.u, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += Array("];\n".utf8)
        return out
    }

    /// A JSON string literal; `<`, `>` and `&` as escapes so that the script cannot be closed early.
    static func appendJSON(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case "\n": out += Array("\\n".utf8)
            case "\r": out += Array("\\r".utf8)
            case "\t": out += Array("\\t".utf8)
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += Array(String(format: "\\u%04x", scalar.value).utf8)
            default:
                if scalar.value < 0x20 {
                    out += Array(String(format: "\\u%04x", scalar.value).utf8)
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
