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
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }), text.allSatisfy(\.isWhitespace) {
            return .failure(.empty)
        }
        if !bytes.contains(0x0D), let split = fastSplit(bytes) { return split }
        let lines = Self.lines(of: text)
        guard let first = lines.first, first.trimmingSpaces == "---" else { return .failure(.noOpeningFence) }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingSpaces
            return line == "---" || line == "..."
        }) else {
            return .failure(.unclosed(openedAt: 1))
        }
        let yaml = lines[1..<close].joined(separator: "\n") + "\n"
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 2))
    }

    /// The same split on byte offsets, for LF files (nearly all): no array of line strings.
    /// Returns nil when the file needs the general path (CR line ends, no fences), which also
    /// reports the errors.
    static func fastSplit(_ bytes: [UInt8]) -> Result<FrontMatter, SplitError>? {
        func isFence(_ start: Int, _ end: Int, allowDots: Bool) -> Bool {
            var lower = start, upper = end
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
            guard upper - lower == 3 else { return false }
            let fence = bytes[lower] == 0x2D && bytes[lower + 1] == 0x2D && bytes[lower + 2] == 0x2D
            let dots = allowDots && bytes[lower] == 0x2E && bytes[lower + 1] == 0x2E && bytes[lower + 2] == 0x2E
            return fence || dots
        }
        guard let firstEnd = bytes.firstIndex(of: 0x0A), isFence(0, firstEnd, allowDots: false) else { return nil }
        var lineStart = firstEnd + 1
        var line = 2
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            if isFence(lineStart, lineEnd, allowDots: true) {
                let yaml = String(decoding: bytes[(firstEnd + 1)..<lineStart], as: UTF8.self)
                let body = lineEnd < bytes.count ? String(decoding: bytes[(lineEnd + 1)...], as: UTF8.self) : ""
                return .success(FrontMatter(yaml: yaml.isEmpty ? "\n" : yaml, yamlLine: 2, body: body, bodyLine: line + 1))
            }
            if lineEnd == bytes.count { return nil }
            lineStart = lineEnd + 1
            line += 1
        }
        return nil
    }

    /// Lines without their terminators; `\r\n` and `\n` both end a line.
    static func lines(of text: String) -> [String] {
        var result: [String] = []
        var current = [UInt8]()
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                if current.last == UInt8(ascii: "\r") { current.removeLast() }
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
        }
        if current.last == UInt8(ascii: "\r") { current.removeLast() }
        result.append(String(decoding: current, as: UTF8.self))
        return result
    }

    /// Line and column (in bytes) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> SplitError {
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
