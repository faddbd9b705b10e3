/// Profile values placed into Markdown by context: escaped in prose, as written (but unable to end
/// the code) in code spans and fences.
///
/// Templates are rendered with a marker in place of each value (`U+E000`, its number, `U+E001`),
/// and the markers are then replaced by reading the rendered Markdown: whether a marker sits in a
/// fence or a code span is only known once the text around it is there.
extension BodyRenderer {
    static let markerStart: Character = "\u{E000}"
    static let markerEnd: Character = "\u{E001}"

    /// The context with every non-empty string replaced by a marker, and the strings by number.
    /// Empty strings stay empty, so that `{{#field}}` sections render exactly as before.
    static func marked(_ value: Any, into values: inout [String]) -> Any {
        switch value {
        case let text as String:
            guard !text.isEmpty else { return text }
            values.append(text)
            return "\(markerStart)\(values.count - 1)\(markerEnd)"
        case let map as [String: Any]:
            return map.mapValues { marked($0, into: &values) }
        case let list as [Any]:
            return list.map { marked($0, into: &values) }
        default:
            return value
        }
    }

    /// `text` with each marker replaced by its value, escaped for where it stands.
    static func substitute(_ text: String, values: [String]) -> String {
        guard text.contains(markerStart) else { return text }
        var out = ""
        var fence: (mark: Character, count: Int)?
        var span = 0          // the length of the backtick run that opened the current code span
        var lineStart = true
        var blankLine = true
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if lineStart {
                // A fence opens or closes on a line of its own: three or more backticks or tildes.
                let line = text[index...].prefix { $0 != "\n" }
                let trimmed = line.drop { $0 == " " }
                if line.count - trimmed.count < 4, let mark = trimmed.first, mark == "`" || mark == "~" {
                    let run = trimmed.prefix { $0 == mark }.count
                    if run >= 3 {
                        if let open = fence {
                            if open.mark == mark, run >= open.count, trimmed.dropFirst(run).allSatisfy({ $0 == " " }) { fence = nil }
                        } else {
                            fence = (mark, run)
                            span = 0
                        }
                    }
                }
                lineStart = false
            }
            if character == markerStart, let end = text[index...].firstIndex(of: markerEnd),
               let number = Int(text[text.index(after: index)..<end]), number < values.count {
                out += fence != nil || span > 0 ? MarkdownEscape.code(values[number]) : MarkdownEscape.inline(values[number])
                index = text.index(after: end)
                blankLine = false
                continue
            }
            if character == "\n" {
                // A blank line ends a paragraph, and with it any code span left open.
                if blankLine { span = 0 }
                lineStart = true
                blankLine = true
            } else if character != " " {
                blankLine = false
            }
            if character == "`", fence == nil {
                var run = 0
                var probe = index
                while probe < text.endIndex, text[probe] == "`" { run += 1; probe = text.index(after: probe) }
                if span == 0 { span = run } else if span == run { span = 0 }
                out += text[index..<probe]
                index = probe
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out
    }
}
