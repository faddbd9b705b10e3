/// A transfer rate in bytes per second: `250MB/s`, `100 GB/h`, `10Gbps` (bits).
public struct Throughput: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bytesPerSecond: Double
    /// Whether it was written per hour (`100 GB/h`), so that it prints back the same way.
    public var perHour: Bool
    /// Whether it was written in bits (`10Gbps`), as network links are.
    public var inBits: Bool

    public init(bytesPerSecond: Double, perHour: Bool = false, inBits: Bool = false) {
        self.bytesPerSecond = bytesPerSecond
        self.perHour = perHour
        self.inBits = inBits
    }

    public static func == (lhs: Throughput, rhs: Throughput) -> Bool { lhs.bytesPerSecond == rhs.bytesPerSecond }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytesPerSecond) }

    static let bitUnits: [String: Double] = [
        "bps": 1, "kbps": 1e3, "mbps": 1e6, "gbps": 1e9, "tbps": 1e12,
        "kbit/s": 1e3, "mbit/s": 1e6, "gbit/s": 1e9, "kb/s": 1e3, "mb/s": 1e6, "gb/s": 1e9,
    ]
    static let perUnits: [String: Double] = [
        "s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hr": 3600, "hour": 3600,
    ]

    /// Bits are written with a lower-case `b` (`Gb/s`, `Gbps`), bytes with an upper-case `B` (`GB/s`).
    public static func parse(_ text: String) -> Result<Throughput, QuantityParseError> {
        let hint = "write a size per unit of time, such as `250MB/s`, `100 GB/h` or `10Gbps`"
        guard let parts = UnitParsing.split(text), !parts.unit.isEmpty else {
            return .failure(.init(message: "`\(text)` is not a throughput", hint: hint))
        }
        let unit = parts.unit
        if unit.lowercased().hasSuffix("ps") || (unit.contains("b/") && !unit.contains("B")) {
            if let factor = bitUnits[unit.lowercased()] {
                return .success(Throughput(bytesPerSecond: parts.number * factor / 8, inBits: true))
            }
        }
        let pieces = unit.split(separator: "/", maxSplits: 1).map(String.init)
        guard pieces.count == 2, let per = perUnits[pieces[1].lowercased().trimmingSpaces],
              case .success(let size) = DataSize.parse("\(parts.number) \(pieces[0])")
        else {
            return .failure(.init(message: "`\(text)` is not a throughput", hint: hint))
        }
        return .success(Throughput(bytesPerSecond: size.bytes / per, perHour: per == 3600))
    }

    public var description: String {
        // Rates written per hour (copy and restore rates) print per hour; disks and links per second.
        if inBits {
            let bits = bytesPerSecond * 8
            for (name, factor) in [("Tbps", 1e12), ("Gbps", 1e9), ("Mbps", 1e6), ("Kbps", 1e3)] where bits >= factor {
                return "\(DataSize.format(bits / factor)) \(name)"
            }
            return "\(DataSize.format(bits)) bps"
        }
        if perHour || bytesPerSecond < 1e6 { return "\(DataSize(bytes: bytesPerSecond * 3600))/h" }
        return "\(DataSize(bytes: bytesPerSecond))/s"
    }

    /// How long moving `size` takes at this rate.
    public func time(for size: DataSize) -> TimeSpan {
        TimeSpan(seconds: bytesPerSecond > 0 ? size.bytes / bytesPerSecond : .infinity)
    }

    public static func < (lhs: Throughput, rhs: Throughput) -> Bool { lhs.bytesPerSecond < rhs.bytesPerSecond }
}
