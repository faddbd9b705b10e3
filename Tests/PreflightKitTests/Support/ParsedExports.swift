import CCmarkGFM
import CLibXML2
import Foundation

/// GitHub Flavored Markdown read into cmark-gfm's tree, as GitHub and GitLab read an issue body.
struct MarkdownTree {
    struct Node {
        /// cmark-gfm's name for the node: `heading`, `item`, `tasklist` (a task-list item), …
        var type: String
        var headingLevel: Int
        /// The node's text: the literals below it, line breaks as spaces.
        var text: String
    }

    /// Every block and inline node, in document order.
    var nodes: [Node] = []

    init(_ markdown: String) {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink", "tagfilter"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) } }
        }
        guard let document = cmark_parser_finish(parser), let iterator = cmark_iter_new(document) else { return }
        defer {
            cmark_iter_free(iterator)
            cmark_node_free(document)
        }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            nodes.append(Node(type: type, headingLevel: Int(cmark_node_get_heading_level(node)), text: Self.text(of: node)))
        }
    }

    static func text(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        if child == nil, let literal = cmark_node_get_literal(node) { return String(cString: literal) }
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += Self.text(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    func headings(level: Int) -> [String] { nodes.filter { $0.type == "heading" && $0.headingLevel == level }.map(\.text) }
}

/// A Confluence storage-format body read as XML by libxml2, inside a root element that declares
/// the `ac:` and `ri:` prefixes as the page around a body does.
final class StorageFormatDocument {
    private let document: xmlDocPtr

    init?(_ body: String) {
        let wrapped = "<page xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">"
            + body + "</page>"
        let bytes = Array(wrapped.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// The text of each node `xpath` selects; `ac:` names Confluence's elements.
    func strings(_ xpath: String) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        xmlXPathRegisterNs(context, "ac", "http://atlassian.com/content")
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            guard let node = set.pointee.nodeTab[index], let text = xmlNodeGetContent(node) else { return nil }
            defer { preflight_xml_free(text) }
            return String(cString: text)
        }
    }
}
