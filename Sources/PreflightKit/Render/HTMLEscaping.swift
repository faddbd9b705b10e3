import Mustache

/// The HTML escaping Mustache applies to `{{value}}`, done on UTF-8 bytes.
///
/// swift-mustache's own escaper walks grapheme clusters and looks each one up in a dictionary, which
/// took close to a tenth of a build. This one replaces the same five characters (and also a `<`
/// that a combining mark follows, which a grapheme walk would let through).
struct HTMLEscaping: MustacheContentType {
    static let name = "PREFLIGHT_HTML"
    /// The pragma that switches a template to this escaper.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"
    static let registration: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x26: out += "&amp;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
