import PreflightKit
import CCmarkGFM

/// Reads a Markdown plan through cmark-gfm's syntax tree, so that headings, code blocks, lists and
/// tables are found the way GitHub would render them, not by pattern matching on lines.
public enum MarkdownPlanParser {
    public static func parse(_ markdown: String, file: String) -> PlanDocument {
        _ = GFM.html("") // registers the extensions once
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return PlanDocument(file: file, blocks: []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            } }
        }
        guard let document = cmark_parser_finish(parser) else { return PlanDocument(file: file, blocks: []) }
        defer { cmark_node_free(document) }
        var blocks: [PlanDocument.Block] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            blocks += convert(current)
            node = cmark_node_next(current)
        }
        return PlanDocument(file: file, blocks: blocks)
    }

    static func convert(_ node: OpaquePointer) -> [PlanDocument.Block] {
        let line = Int(cmark_node_get_start_line(node))
        let type = cmark_node_get_type(node)
        let typeName = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        switch type {
        case CMARK_NODE_HEADING:
            return [.init(kind: .heading(level: Int(cmark_node_get_heading_level(node))), text: text(of: node), line: line)]
        case CMARK_NODE_CODE_BLOCK:
            let language = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            return [.init(kind: .code(language: language.split(separator: " ").first.map(String.init) ?? ""), text: code, line: line)]
        case CMARK_NODE_LIST:
            var rows: [String] = []
            var blocks: [PlanDocument.Block] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                rows.append(text(of: current, skippingCode: true))
                // Code inside list items still counts as code.
                blocks += codeBlocks(in: current)
                item = cmark_node_next(current)
            }
            return [.init(kind: .list, text: rows.joined(separator: "\n"), line: line, rows: rows)] + blocks
        case CMARK_NODE_PARAGRAPH:
            let content = text(of: node)
            if let level = pseudoHeading(node, text: content) {
                return [.init(kind: .heading(level: level), text: content, line: line)]
            }
            return [.init(kind: .paragraph, text: content, line: line)]
        default:
            if typeName == "table" {
                var rows: [String] = []
                var row = cmark_node_first_child(node)
                while let current = row {
                    var cells: [String] = []
                    var cell = cmark_node_first_child(current)
                    while let each = cell {
                        cells.append(text(of: each))
                        cell = cmark_node_next(each)
                    }
                    rows.append("| " + cells.joined(separator: " | ") + " |")
                    row = cmark_node_next(current)
                }
                return [.init(kind: .table, text: rows.joined(separator: "\n"), line: line, rows: rows)]
            }
            let content = text(of: node)
            return content.isEmpty ? [] : [.init(kind: .paragraph, text: content, line: line)]
        }
    }

    /// A paragraph that is only bold text (`**Rollback plan**`), short, acts as a heading in many plans.
    static func pseudoHeading(_ node: OpaquePointer, text: String) -> Int? {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_STRONG, text.count <= 80 else { return nil }
        return 4
    }

    /// Every code block below `node`, in order. cmark's own iterator walks the tree, so a plan of
    /// thousands of nested quotes or lists cannot exhaust the stack.
    static func codeBlocks(in node: OpaquePointer) -> [PlanDocument.Block] {
        var result: [PlanDocument.Block] = []
        walk(node) { current, entering in
            if entering, current != node, cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK { result += convert(current) }
        }
        return result
    }

    /// The literal text below a node, spaces between inline pieces and line breaks between blocks.
    static func text(of node: OpaquePointer, skippingCode: Bool = false) -> String {
        var pieces: [String] = []
        walk(node) { current, entering in
            let type = cmark_node_get_type(current)
            if !entering {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM { pieces.append("\n") }
                return
            }
            if skippingCode, type == CMARK_NODE_CODE_BLOCK { return }
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK {
                if let literal = cmark_node_get_literal(current) { pieces.append(String(cString: literal)) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                pieces.append(" ")
            }
        }
        return pieces.joined().trimmingSpaces
    }

    /// Visits `node` and everything below it with cmark's iterator: each container on entering and on
    /// leaving, each leaf once (entering).
    static func walk(_ node: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            visit(current, event == CMARK_EVENT_ENTER)
        }
    }
}
