import Foundation

/// A content file split into its YAML front matter and its Markdown body.
///
/// Splitting works on lines, never on byte offsets, so LF and CRLF files and a leading UTF-8 BOM
/// all split the same way; the body comes back with LF line ends.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the `---` fences, LF-terminated lines.
    public var yaml: String
    /// File line of the first YAML line (the line after the opening fence).
    public var yamlLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// File line of the first body line.
    public var bodyLine: Int

    public enum SplitError: Error, Equatable, Sendable {
        case notUTF8(line: Int, column: Int)
        case empty
        case noOpeningFence
        case unclosed(openedAt: Int)
    }

    /// Splits `data`; the fences are lines holding only `---` (the closing one may be `...`).
    public static func split(_ data: Data) -> Result<FrontMatter, SplitError> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(firstInvalidUTF8(bytes))
        }
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        let lines = lineRanges(bytes)
        // Only lines up to the closing fence become strings; the body is copied out in one piece per
        // line, never as an array of strings (the split runs for every file of the content).
        func isFence(_ line: Range<Int>, closing: Bool) -> Bool {
            let trimmed = String(decoding: bytes[line], as: UTF8.self).trimmingSpaces
            return trimmed == "---" || (closing && trimmed == "...")
        }
        guard let first = lines.first, isFence(first, closing: false) else { return .failure(.noOpeningFence) }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], closing: true) }) else {
            return .failure(.unclosed(openedAt: 1))
        }
        let yaml = joined(lines[1..<close], of: bytes) + "\n"
        let body = joined(lines[(close + 1)...], of: bytes)
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 2))
    }

    /// Byte ranges of the lines without their terminators; `\r\n` and `\n` both end a line.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            let end = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
            ranges.append(start..<end)
            start = index + 1
        }
        let end = bytes.count > start && bytes[bytes.count - 1] == UInt8(ascii: "\r") ? bytes.count - 1 : bytes.count
        ranges.append(start..<end)
        return ranges
    }

    /// The lines joined with LF line ends.
    static func joined(_ lines: ArraySlice<Range<Int>>, of bytes: [UInt8]) -> String {
        guard let first = lines.first, let last = lines.last else { return "" }
        // Lines an LF apart (no CR was dropped) already are their joined text: decode the span.
        if last.upperBound - first.lowerBound == lines.reduce(0, { $0 + $1.count }) + lines.count - 1 {
            return String(decoding: bytes[first.lowerBound..<last.upperBound], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (offset, line) in lines.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: "\n")) }
            out += bytes[line]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Line and column (in bytes) of the first byte that is not valid UTF-8.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> SplitError {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return .notUTF8(line: line, column: index - lineStart + 1) }
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return .notUTF8(line: line, column: 1)
    }

    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
    }
}
