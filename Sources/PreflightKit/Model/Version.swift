/// A product version compared numerically, component by component: `9.6 < 12.17 < 15`.
///
/// A comparison is made at the precision of the version written in a condition: `15` matches
/// `15.5`, `<15` admits `14.9` but not `15.0`, and `>15` means 16 and later.
public struct Version: Sendable, Hashable, CustomStringConvertible {
    public var components: [Int]
    /// What followed the numbers (`c` in Oracle `19c`), kept for display only.
    public var suffix: String

    public init(_ components: [Int], suffix: String = "") {
        self.components = components
        self.suffix = suffix
    }

    public static func parse(_ text: String) -> Result<Version, QuantityParseError> {
        let hint = "write numbers separated by dots, such as `15`, `12.17` or `8.0.35`"
        let trimmed = text.trimmingSpaces.drop { $0 == "v" || $0 == "V" }
        var components: [Int] = []
        var suffix = ""
        for (index, piece) in trimmed.split(separator: ".", omittingEmptySubsequences: false).enumerated() {
            let digits = piece.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let number = Int(digits), suffix.isEmpty else {
                return .failure(.init(message: "`\(text)` is not a version", hint: hint))
            }
            components.append(number)
            let rest = piece.dropFirst(digits.count)
            if !rest.isEmpty {
                guard rest.allSatisfy({ $0.isLetter || $0 == "-" || $0.isNumber }) else {
                    return .failure(.init(message: "`\(text)` is not a version", hint: hint))
                }
                suffix = String(rest)
            }
            _ = index
        }
        guard !components.isEmpty else {
            return .failure(.init(message: "`\(text)` is not a version", hint: hint))
        }
        return .success(Version(components, suffix: suffix))
    }

    public var major: Int { components[0] }

    public var description: String { components.map(String.init).joined(separator: ".") + suffix }

    /// Compares `self` with `other` over `other`'s components only; missing components count as 0.
    public func compare(atPrecisionOf other: Version) -> Int {
        for index in other.components.indices {
            let mine = index < components.count ? components[index] : 0
            if mine != other.components[index] { return mine < other.components[index] ? -1 : 1 }
        }
        return 0
    }
}
