/// XXH64 (Yann Collet's xxHash, 64-bit): a fast, stable, non-cryptographic hash for cache keys.
///
/// Swift's `Hasher` is seeded per process, so it cannot key anything stored between builds; a
/// cryptographic hash would cost several times more for no gain, since nothing here is adversarial
/// (a forged collision could only make someone's own build stale).
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public private(set) var value: UInt64

    public init(value: UInt64) { self.value = value }

    public init(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) {
        value = Self.xxh64(bytes, seed: seed)
    }

    public init(_ bytes: [UInt8]) {
        value = bytes.withUnsafeBytes { Self.xxh64($0, seed: 0) }
    }

    public init(_ text: String) {
        var text = text
        value = text.withUTF8 { Self.xxh64(UnsafeRawBufferPointer($0), seed: 0) }
    }

    /// Sixteen lower-case hex digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 {
        (acc ^ round(0, val)) &* p1 &+ p4
    }

    static func xxh64(_ input: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = input.count
        var offset = 0
        var hash: UInt64
        @inline(__always) func read64(_ at: Int) -> UInt64 { UInt64(littleEndian: input.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        @inline(__always) func read32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: input.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        if count >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while offset + 32 <= count {
                v1 = round(v1, read64(offset))
                v2 = round(v2, read64(offset + 8))
                v3 = round(v3, read64(offset + 16))
                v4 = round(v4, read64(offset + 24))
                offset += 32
            }
            hash = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            hash = merge(merge(merge(merge(hash, v1), v2), v3), v4)
        } else {
            hash = seed &+ p5
        }
        hash &+= UInt64(count)
        while offset + 8 <= count {
            hash = rotl(hash ^ round(0, read64(offset)), 27) &* p1 &+ p4
            offset += 8
        }
        if offset + 4 <= count {
            hash = rotl(hash ^ (read32(offset) &* p1), 23) &* p2 &+ p3
            offset += 4
        }
        while offset < count {
            hash = rotl(hash ^ (UInt64(input[offset]) &* p5), 11) &* p1
            offset += 1
        }
        hash ^= hash >> 33
        hash &*= p2
        hash ^= hash >> 29
        hash &*= p3
        hash ^= hash >> 32
        return hash
    }
}

/// Feeds strings and hashes into one running key, with lengths so that ("ab","c") ≠ ("a","bc").
public struct KeyBuilder: Sendable {
    private var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ text: String) {
        add(UInt64(text.utf8.count))
        bytes += text.utf8
    }

    public mutating func add(_ hash: ContentHash) { add(hash.value) }

    public mutating func add(_ raw: [UInt8]) {
        add(UInt64(raw.count))
        bytes += raw
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { bytes += $0 }
    }

    public var hash: ContentHash { ContentHash(bytes) }
}
