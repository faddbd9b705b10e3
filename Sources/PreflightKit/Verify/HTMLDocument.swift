import CLibXML2
import Foundation

/// An HTML file parsed by libxml2's forgiving HTML parser, queried with XPath.
///
/// libxml2 is used rather than FoundationXML because it recovers from sloppy markup, never loads
/// anything from the network (`HTML_PARSE_NONET`) and returns nil on empty input instead of crashing.
public final class HTMLDocument {
    private let document: htmlDocPtr

    public init?(data: Data) {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let parsed = data.withUnsafeBytes { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

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
