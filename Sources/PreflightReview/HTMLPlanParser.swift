import PreflightSiteCheck
import PreflightKit
import CLibXML2

/// Reads an HTML plan with libxml2's forgiving parser: headings, paragraphs, code, lists and tables
/// in document order, with their line numbers.
public enum HTMLPlanParser {
    /// Top-level blocks only: an element inside a list, table, `pre` or paragraph belongs to that block.
    static let query = "//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::p or self::pre"
        + " or self::ul or self::ol or self::table or self::dt or self::dd]"
        + "[not(ancestor::ul or ancestor::ol or ancestor::table or ancestor::pre or ancestor::p or ancestor::dt"
        + " or ancestor::dd)]"

    public static func parse(_ html: String, file: String) -> PlanDocument {
        guard let document = HTMLDocument(data: Array(html.utf8)) else { return PlanDocument(file: file, blocks: []) }
        var blocks: [PlanDocument.Block] = []
        for element in document.elements(query) {
            let text = element.text.trimmingSpaces
            switch element.name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                blocks.append(.init(kind: .heading(level: Int(String(element.name.dropFirst())) ?? 2), text: text, line: element.line))
            case "dt":
                blocks.append(.init(kind: .heading(level: 4), text: text, line: element.line))
            case "pre":
                let language = element.codeLanguage ?? ""
                blocks.append(.init(kind: .code(language: language), text: element.text, line: element.line))
            case "ul", "ol":
                let rows = element.children.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                blocks.append(.init(kind: .list, text: rows.joined(separator: "\n"), line: element.line, rows: rows))
                for code in element.nestedCode {
                    blocks.append(.init(kind: .code(language: ""), text: code, line: element.line))
                }
            case "table":
                let rows = element.children.map { "| " + $0.trimmingSpaces + " |" }
                blocks.append(.init(kind: .table, text: rows.joined(separator: "\n"), line: element.line, rows: rows))
            default:
                if element.isOnlyStrong, text.count <= 80 {
                    blocks.append(.init(kind: .heading(level: 4), text: text, line: element.line))
                } else if !text.isEmpty {
                    blocks.append(.init(kind: .paragraph, text: text, line: element.line))
                }
            }
        }
        return PlanDocument(file: file, blocks: blocks)
    }
}
