import PreflightKit
import CLibXML2
import Foundation

/// An HTML file parsed by libxml2's forgiving HTML parser, queried with XPath.
///
/// libxml2 is used rather than FoundationXML because it recovers from sloppy markup, never loads
/// anything from the network (`HTML_PARSE_NONET`) and returns nil on empty input instead of crashing.
public final class HTMLDocument {
    private let document: htmlDocPtr

    public convenience init?(data: Data) { self.init(data: [UInt8](data)) }

    public init?(data: [UInt8]) {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let parsed = data.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// An element as the plan reader needs it.
    public struct Element {
        public var name: String
        public var text: String
        public var line: Int
        /// Text of each child element (list items, table rows).
        public var children: [String]
        /// `x` from `class="language-x"` on the element or its `code` child.
        public var codeLanguage: String?
        /// Text of `pre` elements nested inside (code in list items).
        public var nestedCode: [String]
        /// A paragraph holding nothing but one `strong` or `b` element.
        public var isOnlyStrong: Bool
    }

    /// The elements an XPath expression selects, in document order.
    public func elements(_ xpath: String) -> [Element] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        var elements: [Element] = []
        for index in 0..<Int(set.pointee.nodeNr) {
            guard let node = set.pointee.nodeTab[index] else { continue }
            elements.append(element(node))
        }
        return elements
    }

    private func content(_ node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { preflight_xml_free(text) }
        return String(cString: text)
    }

    private func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
    }

    private func element(_ node: xmlNodePtr) -> Element {
        var children: [String] = []
        var nestedCode: [String] = []
        var language: String?
        var elementChildren = 0
        var strongOnly = true
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                elementChildren += 1
                let childName = name(current)
                if childName == "tbody" || childName == "thead" {
                    var row = current.pointee.children
                    while let each = row {
                        if each.pointee.type == XML_ELEMENT_NODE { children.append(cells(each)) }
                        row = each.pointee.next
                    }
                } else if childName == "tr" {
                    children.append(cells(current))
                } else {
                    children.append(content(current))
                }
                if childName == "code", let value = classValue(current) { language = value }
                if childName != "strong" && childName != "b" { strongOnly = false }
            } else if current.pointee.type == XML_TEXT_NODE, !content(current).trimmingSpaces.isEmpty {
                strongOnly = false
            }
            child = current.pointee.next
        }
        collectCode(node, into: &nestedCode, isRoot: true)
        if language == nil { language = classValue(node) }
        return Element(name: name(node), text: content(node), line: Int(xmlGetLineNo(node)), children: children,
                       codeLanguage: language, nestedCode: name(node) == "pre" ? [] : nestedCode,
                       isOnlyStrong: name(node) == "p" && strongOnly && elementChildren == 1)
    }

    private func cells(_ row: xmlNodePtr) -> String {
        var cells: [String] = []
        var cell = row.pointee.children
        while let current = cell {
            if current.pointee.type == XML_ELEMENT_NODE { cells.append(content(current).trimmingSpaces) }
            cell = current.pointee.next
        }
        return cells.joined(separator: " | ")
    }

    private func collectCode(_ node: xmlNodePtr, into code: inout [String], isRoot: Bool) {
        if !isRoot, name(node) == "pre" {
            code.append(content(node))
            return
        }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { collectCode(current, into: &code, isRoot: false) }
            child = current.pointee.next
        }
    }

    private func classValue(_ node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, "class") else { return nil }
        defer { preflight_xml_free(value) }
        let text = String(cString: value)
        return text.split(separator: " ").first { $0.hasPrefix("language-") }.map { String($0.dropFirst("language-".count)) }
    }

    /// The string values of the nodes an XPath expression selects (attribute values, text).
    public func strings(_ xpath: String) -> [String] {
        guard let context = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        var values: [String] = []
        for index in 0..<Int(set.pointee.nodeNr) {
            guard let node = set.pointee.nodeTab[index], let text = xmlNodeGetContent(node) else { continue }
            values.append(String(cString: text))
            preflight_xml_free(text)
        }
        return values
    }
}

/// XML well-formedness, for the SVG charts Preflight writes.
public enum XMLCheck {
    /// Whether `text` parses as XML with libxml2 (no network, no entity loading).
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return false }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return false }
        xmlFreeDoc(document)
        return true
    }
}
