/// Splits text such as `1.5 TB`, `500GB` or `250MB/s` into its number and its unit.
///
/// Shared by every quantity type so that all of them accept the same spellings: optional spaces,
/// thousands separators (`1,200`), a decimal point, and a unit written in any letter case.
enum UnitParsing {
    struct Parts {
        var number: Double
        var unit: String
    }

    /// Returns nil when the text does not start with a finite, non-negative number.
    static func split(_ text: String) -> Parts? {
        let trimmed = text.trimmingSpaces
        var digits = ""
        var index = trimmed.startIndex
        var sawDigit = false
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if character.isASCII, character.isNumber {
                digits.append(character)
                sawDigit = true
            } else if character == "." {
                digits.append(character)
            } else if character == ",", sawDigit {
                // Thousands separator; dropped.
            } else if character == "_", sawDigit {
                // YAML-style digit grouping; dropped.
            } else {
                break
            }
            index = trimmed.index(after: index)
        }
        guard sawDigit, let number = Double(digits), number.isFinite else { return nil }
        let unit = String(trimmed[index...]).trimmingSpaces
        return Parts(number: number, unit: unit)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks (and NBSP).
    /// Works on UTF-8 bytes: it runs on every body of every document of every profile.
    package var trimmingSpaces: String {
        let bytes = utf8
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C }
        guard let first = bytes.firstIndex(where: { !blank($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !blank($0) })!
        if first == bytes.startIndex, last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}

/// Why a quantity could not be read; the message names the forms that are accepted.
public struct QuantityParseError: Error, Sendable, Equatable {
    public var message: String
    public var hint: String
}
