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

        public var text: String { blocks.map(\.text).joined(separator: "\n") }
        public var wordCount: Int { text.split(whereSeparator: { $0.isWhitespace }).count }
    }

    public var file: String
    public var blocks: [Block]

    public init(file: String, blocks: [Block]) {
        self.file = file
        self.blocks = blocks
    }

    public var text: String { blocks.map(\.text).joined(separator: "\n") }
    public var codeBlocks: [Block] { blocks.filter { if case .code = $0.kind { true } else { false } } }

    /// Sections with nested subsections included in their parents' text.
    public var sections: [Section] {
        var result: [Section] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind else { continue }
            var body: [Block] = []
            for next in blocks[(index + 1)...] {
                if case .heading(let other) = next.kind, other <= level { break }
                body.append(next)
            }
            result.append(Section(heading: block.text, level: level, line: block.line, blocks: body))
        }
        return result
    }
}
