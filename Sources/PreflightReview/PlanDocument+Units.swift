import PreflightKit
/// The smallest pieces of a plan that carry one statement each: a heading, a list item, a table row,
/// a paragraph (or each of its sentences), a code block. Checks that need evidence in one place, such
/// as a backup *and* its restore test, or a tool named *without* an excuse, read units, not blocks.
extension PlanDocument {
    public struct Unit: Sendable {
        public var text: String
        public var line: Int
        public var isCode: Bool
        /// Where in the block list the unit comes from, for ordering across blocks.
        public var block: Int
    }

    /// Units of `blocks` in reading order; `sentences` splits paragraphs and rows further.
    public static func units(of blocks: [Block], sentences: Bool = false) -> [Unit] {
        var result: [Unit] = []
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .code:
                result.append(Unit(text: block.text, line: block.line, isCode: true, block: index))
            case .list, .table:
                for row in block.rows {
                    for piece in sentences ? split(row) : [row] {
                        result.append(Unit(text: piece, line: block.line, isCode: false, block: index))
                    }
                }
            case .heading, .paragraph:
                for piece in sentences ? split(block.text) : [block.text] {
                    result.append(Unit(text: piece, line: block.line, isCode: false, block: index))
                }
            }
        }
        return result
    }

    /// Sentences: a full stop, question or exclamation mark or semicolon followed by a space and a
    /// word (technical sentences often start with a lower-case command name). Version numbers
    /// (`12.17`) and abbreviations (`e.g.`) stay inside their sentence.
    static let abbreviations: Set<String> = ["e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "min.", "max.", "no.", "cf."]

    static func split(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            current.append(character)
            let next = text.index(after: index)
            if ".!?;".contains(character), next < text.endIndex, text[next].isWhitespace {
                let start = text[next...].firstIndex { !$0.isWhitespace } ?? text.endIndex
                let word = current.split(whereSeparator: { $0.isWhitespace }).last.map { $0.lowercased() } ?? ""
                if start < text.endIndex, !abbreviations.contains(word),
                   text[start].isLetter || text[start].isNumber || "`*\"(".contains(text[start]) {
                    pieces.append(current)
                    current = ""
                    index = start
                    continue
                }
            }
            index = next
        }
        pieces.append(current)
        return pieces.filter { !$0.trimmingSpaces.isEmpty }
    }
}
