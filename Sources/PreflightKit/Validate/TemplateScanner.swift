/// Finds the Mustache tags in an item body, with their positions, without rendering it.
public enum TemplateScanner {
    public struct Tag: Sendable, Equatable {
        /// `#`, `^`, `/`, `&`, `{`, `>`, `!` or empty for a plain variable.
        public var sigil: String
        public var name: String
        /// 1-based line and column inside the scanned text.
        public var line: Int
        public var column: Int
    }

    public static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let bytes = Array(text.utf8)
        var index = 0, line = 1, lineStart = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let start = index
            var cursor = index + 2
            while cursor + 1 < bytes.count, !(bytes[cursor] == UInt8(ascii: "}") && bytes[cursor + 1] == UInt8(ascii: "}")),
                  bytes[cursor] != UInt8(ascii: "\n") {
                cursor += 1
            }
            guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "}") else {
                index += 2
                continue
            }
            var inner = String(decoding: bytes[(start + 2)..<cursor], as: UTF8.self).trimmingSpaces
            var sigil = ""
            if let first = inner.first, "#^/&{>!".contains(first) {
                sigil = String(first)
                inner = String(inner.dropFirst()).trimmingSpaces
            }
            if sigil == "{", inner.hasSuffix("}") { inner = String(inner.dropLast()).trimmingSpaces }
            let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
            tags.append(Tag(sigil: sigil, name: inner, line: line, column: column))
            index = cursor + 2
            if sigil == "{", index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1 }
        }
        return tags
    }
}
