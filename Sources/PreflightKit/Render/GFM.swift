import CCmarkGFM
import Foundation

/// GitHub Flavored Markdown to HTML through cmark-gfm, GitHub's reference implementation.
///
/// Raw HTML is replaced by a comment and unsafe link schemes (`javascript:` and the like) are
/// dropped unless `unsafe` is set, because item bodies and profile values end up in pages.
public enum GFM {
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    static let extensions = ["table", "tasklist", "strikethrough", "autolink", "tagfilter"]

    public static func html(_ markdown: String, unsafe: Bool = false) -> String {
        _ = registration
        // Without CMARK_OPT_GITHUB_PRE_LANG the language goes into `class="language-x"`: a `lang`
        // attribute would claim a human language and fail HTML validation.
        let options = CMARK_OPT_DEFAULT | (unsafe ? CMARK_OPT_UNSAFE : 0)
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            } }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return unsafe ? String(cString: rendered) : droppingEmptyLinks(String(cString: rendered))
    }

    /// cmark-gfm's safe mode empties unsafe URLs (`<a href="">`); a link to nowhere is worse than
    /// plain text, so the anchor goes and its text stays.
    static func droppingEmptyLinks(_ html: String) -> String {
        guard html.containsBytes("<a href=\"\"") else { return html }
        return html.replacingOccurrences(of: #"<a href=""( title="[^"]*")?>(.*?)</a>"#, with: "$2",
                                         options: .regularExpression)
    }
}
