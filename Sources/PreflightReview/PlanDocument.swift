import PreflightKit
/// An AI-written migration plan reduced to what the review needs: blocks in reading order, grouped
/// into sections under their headings, whatever the source format.
public struct PlanDocument: Sendable {
    public enum BlockKind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case code(language: String)
        case list
        case table
    }

    public struct Block: Sendable {
        public var kind: BlockKind
        public var text: String
        /// 1-based line in the plan file (0 when the parser cannot tell).
        public var line: Int
        /// List items or table rows, one string each.
        public var rows: [String]

        public init(kind: BlockKind, text: String, line: Int, rows: [String] = []) {
            self.kind = kind
            self.text = text
            self.line = line
            self.rows = rows
        }
    }

    /// A heading and every block until the next heading of the same or a higher level.
    public struct Section: Sendable {
        public var heading: String
        public var level: Int
        public var line: Int
        public var blocks: [Block]
        /// Where `blocks` sit in the plan's block list, so that nesting is a comparison of indices.
        var range: Range<Int>
        /// The heading's words as `HeadingMatcher` compares them, read once for every criterion.
        var words: Set<String>

        public var text: String { blocks.map(\.text).joined(separator: "\n") }
        public var wordCount: Int { text.split(whereSeparator: { $0.isWhitespace }).count }
    }

    public var file: String
    /// The blocks in reading order; `sections` follows every change.
    public var blocks: [Block] {
        didSet { sections = Self.sections(of: blocks) }
    }
    /// Sections with nested subsections included in their parents' text, computed once per plan:
    /// every criterion reads them, and a plan can have tens of thousands of headings.
    public private(set) var sections: [Section]

    public init(file: String, blocks: [Block]) {
        self.file = file
        self.blocks = blocks
        sections = Self.sections(of: blocks)
    }

    public var text: String { blocks.map(\.text).joined(separator: "\n") }
    public var codeBlocks: [Block] { blocks.filter { if case .code = $0.kind { true } else { false } } }

    /// One pass with a stack of open headings: a heading closes every open one of its level or
    /// higher, so each section's end is found once instead of by scanning ahead from every heading.
    static func sections(of blocks: [Block]) -> [Section] {
        var ends = [Int](repeating: blocks.count, count: blocks.count)
        var open: [(level: Int, index: Int)] = []
        var headings: [(level: Int, index: Int)] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind else { continue }
            while let last = open.last, last.level >= level {
                ends[last.index] = index
                open.removeLast()
            }
            open.append((level, index))
            headings.append((level, index))
        }
        return headings.map { level, index in
            let range = (index + 1)..<ends[index]
            return Section(heading: blocks[index].text, level: level, line: blocks[index].line, blocks: Array(blocks[range]),
                           range: range, words: HeadingMatcher.headingWords(blocks[index].text))
        }
    }
}
