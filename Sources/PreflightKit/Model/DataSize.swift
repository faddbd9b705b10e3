/// An amount of data, in bytes. Decimal prefixes (KB, MB, GB, TB, PB) are powers of 1000 and
/// binary ones (KiB … PiB) powers of 1024, as in the SI and IEC standards.
public struct DataSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bytes: Double

    public init(bytes: Double) { self.bytes = bytes }

    static let units: [(String, Double)] = [
        ("b", 1), ("byte", 1), ("bytes", 1),
        ("kb", 1e3), ("mb", 1e6), ("gb", 1e9), ("tb", 1e12), ("pb", 1e15),
        ("kib", 1024), ("mib", 1_048_576), ("gib", 1_073_741_824), ("tib", 1_099_511_627_776),
        ("pib", 1_125_899_906_842_624),
        ("k", 1e3), ("m", 1e6), ("g", 1e9), ("t", 1e12), ("p", 1e15),
    ]

    /// Reads `1 TB`, `500GB`, `1.5 TiB`, `0`.
    public static func parse(_ text: String) -> Result<DataSize, QuantityParseError> {
        let hint = "write a number and a unit, such as `500GB`, `1 TB` or `1.5 TiB`"
        if text.trimmingSpaces.hasPrefix("-") {
            return .failure(.init(message: "`\(text)` is negative; a data size cannot be", hint: hint))
        }
        guard let parts = UnitParsing.split(text) else {
            return .failure(.init(message: "`\(text)` is not a data size", hint: hint))
        }
        if parts.unit.isEmpty {
            if parts.number == 0 { return .success(DataSize(bytes: 0)) }
            return .failure(.init(message: "`\(text)` has no unit", hint: hint))
        }
        let unit = parts.unit.lowercased()
        guard let factor = units.first(where: { $0.0 == unit })?.1 else {
            return .failure(.init(message: "`\(parts.unit)` is not a unit of data size", hint: hint))
        }
        return .success(DataSize(bytes: parts.number * factor))
    }

    /// The largest decimal unit that keeps the number at or above 1, as people write it.
    public var description: String {
        let steps: [(String, Double)] = [("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)]
        for (name, factor) in steps where bytes >= factor {
            return "\(Self.format(bytes / factor)) \(name)"
        }
        return "\(Self.format(bytes)) B"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    public static func < (lhs: DataSize, rhs: DataSize) -> Bool { lhs.bytes < rhs.bytes }
}
