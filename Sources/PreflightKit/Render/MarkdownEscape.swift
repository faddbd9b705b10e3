/// Plain text (a profile's values, a document's title) made literal in Markdown.
///
/// Profile values are data: a `name` of `[x](javascript:alert(1))`, raw HTML or a line break
/// followed by `## heading` must read as those characters in every `.md` output and in the HTML
/// rendered from it, whatever `--unsafe-html` allows content authors.
enum MarkdownEscape {
    /// The text as inline Markdown that renders as the same characters: HTML's `<`, `>` and `&` as
    /// entities; what makes emphasis, code, links and images, strikethrough and table cells
    /// backslash-escaped; a `+`, `-`, `=`, `(` or `1. ` that would start a block or finish a link
    /// escaped where the text starts (inside it, `[` and `]` are escaped, so no `(` can follow a
    /// `]`); line breaks as spaces and other control characters (tab aside) dropped. An underscore
    /// inside a word is left alone.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        let marker = orderedMarker(characters)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "[", "]", "|", "~", "#":
                out += "\\" + String(character)
            case "_":
                // Inside a word Markdown never reads it as emphasis: `pg_dump` stays readable in
                // the prompt people copy.
                let inWord = index > 0 && index + 1 < characters.count
                    && characters[index - 1].isLetterOrDigit && characters[index + 1].isLetterOrDigit
                out += inWord ? "_" : "\\_"
            case "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                out += " "
            case "\t":
                out += "\t"
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { continue }
                if (index == 0 && "+-=(".contains(character)) || index == marker { out += "\\" }
                out.append(character)
            }
        }
        return out
    }

    /// Text inside a code span or fence: shown as written, so not escaped, but it may not end the
    /// code. Backticks become U+FF40 (a fullwidth grave accent, inert in shells too) and line breaks
    /// spaces, so a value can neither close a span nor start a fence line.
    static func code(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "`": out += "\u{FF40}"
            case "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// Where the `.` or `)` of a leading `12. ` or `3)` is: an ordered list item when it starts a
    /// line (`0.5%` is not one: the marker must end the text or be followed by a space).
    private static func orderedMarker(_ characters: [Character]) -> Int? {
        let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, digits < characters.count, characters[digits] == "." || characters[digits] == ")" else { return nil }
        return digits + 1 == characters.count || characters[digits + 1] == " " || characters[digits + 1] == "\t" ? digits : nil
    }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
