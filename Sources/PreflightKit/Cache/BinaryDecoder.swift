import Foundation

/// Reads what `BinaryEncoder` wrote. Any malformed input throws `DecodingError.dataCorrupted`
/// rather than trapping, since a cache file can be truncated or stale.
///
/// Keyed values are read in the order they were written (the order synthesized `Codable` uses both
/// ways), which costs one string comparison per key; a key asked for out of order falls back to an
/// index of the container, built once, so any `Decodable` reads correctly.
public struct BinaryDecoder: Sendable {
    /// What the encoder's `pathPrefix` marker stands for in this build.
    public var pathPrefix: String?

    /// - Parameter pathPrefix: the folder the encoder's `pathPrefix` named, put back where its marker is.
    public init(pathPrefix: String? = nil) { self.pathPrefix = pathPrefix }

    /// The value of type `T` that `BinaryEncoder` wrote into `bytes`.
    public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let input = try BinaryInput(bytes, pathPrefix: pathPrefix.flatMap { $0.isEmpty ? nil : $0 })
        return try BinaryValueDecoder(input: input, position: input.valueStart, codingPath: []).decode(T.self)
    }
}

/// The bytes and their string table, shared by every decoder of one value.
final class BinaryInput: @unchecked Sendable {
    // Unchecked: immutable after init.
    let bytes: [UInt8]
    private(set) var strings: [String] = []
    private(set) var valueStart = 0

    private let pathPrefix: String?

    init(_ bytes: [UInt8], pathPrefix: String? = nil) throws {
        self.bytes = bytes
        self.pathPrefix = pathPrefix
        var position = 0
        let count = try varint(&position)
        guard count <= UInt64(bytes.count) else { throw corrupt("string table") }
        strings.reserveCapacity(Int(count))
        for _ in 0..<count {
            let length = Int(try varint(&position))
            guard length >= 0, position + length <= bytes.count else { throw corrupt("string") }
            var string = String(decoding: bytes[position..<position + length], as: UTF8.self)
            if let pathPrefix, string.contains(BinaryEncoder.prefixMarker) {
                string = string.replacingOccurrences(of: BinaryEncoder.prefixMarker, with: pathPrefix)
            }
            strings.append(string)
            position += length
        }
        valueStart = position
    }

    func byte(_ position: Int) throws -> UInt8 {
        guard position < bytes.count else { throw corrupt("truncated value") }
        return bytes[position]
    }

    func varint(_ position: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try self.byte(position)
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw corrupt("varint") }
        }
    }

    /// A string stored in place: its length and bytes, with the path prefix restored.
    func text(_ position: inout Int) throws -> String {
        let length = Int(try varint(&position))
        guard length >= 0, position + length <= bytes.count else { throw corrupt("text") }
        var string = String(decoding: bytes[position..<position + length], as: UTF8.self)
        position += length
        if let pathPrefix, string.contains(BinaryEncoder.prefixMarker) {
            string = string.replacingOccurrences(of: BinaryEncoder.prefixMarker, with: pathPrefix)
        }
        return string
    }

    func string(_ position: inout Int) throws -> String {
        let index = Int(try varint(&position))
        guard index < strings.count else { throw corrupt("string index") }
        return strings[index]
    }

    /// A container's header at `position` (just after its tag): its content's start and end, and
    /// count. The header is the length of what follows it, then the count, four bytes each.
    func container(_ position: Int) throws -> (start: Int, end: Int, count: Int) {
        guard position + 8 <= bytes.count else { throw corrupt("container") }
        var length = 0, count = 0
        for shift in 0..<4 {
            length |= Int(bytes[position + shift]) << (8 * shift)
            count |= Int(bytes[position + 4 + shift]) << (8 * shift)
        }
        let end = position + 4 + length
        guard length >= 4, end <= bytes.count, count <= length else { throw corrupt("container length") }
        return (position + 8, end, count)
    }

    /// The position after the value at `position`.
    func skip(_ position: Int) throws -> Int {
        var next = position + 1
        switch BinaryTag(rawValue: try byte(position)) {
        case .null, .false, .true: return next
        case .int, .uint, .string:
            _ = try varint(&next)
            return next
        case .double: return next + 8
        case .text:
            let length = Int(try varint(&next))
            guard length >= 0, next + length <= bytes.count else { throw corrupt("text") }
            return next + length
        case .array, .map: return try container(next).end
        case nil: throw corrupt("unknown tag")
        }
    }

    func corrupt(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "malformed binary cache: \(what)"))
    }
}

/// The `Decoder` for the one value at `position`.
struct BinaryValueDecoder: Decoder {
    let input: BinaryInput
    let position: Int
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func tag() throws -> BinaryTag {
        guard let tag = BinaryTag(rawValue: try input.byte(position)) else { throw input.corrupt("unknown tag") }
        return tag
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard try tag() == .map else { throw mismatch("a keyed container") }
        return KeyedDecodingContainer(try BinaryKeyedDecoding<Key>(input: input, header: input.container(position + 1),
                                                                   codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard try tag() == .array else { throw mismatch("an array") }
        return try BinaryUnkeyedDecoding(input: input, header: input.container(position + 1), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { BinarySingleDecoding(decoder: self) }

    func mismatch(_ expected: String) -> DecodingError {
        DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
    }

    func decodeNil() throws -> Bool { try tag() == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try tag() {
        case .true: return true
        case .false: return false
        default: throw mismatch("a Bool")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        var next = position + 1
        switch try tag() {
        case .string: return try input.string(&next)
        case .text: return try input.text(&next)
        default: throw mismatch("a string")
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard try tag() == .double, position + 9 <= input.bytes.count else { throw mismatch("a floating-point number") }
        var bits: UInt64 = 0
        for shift in 0..<8 { bits |= UInt64(input.bytes[position + 1 + shift]) << (8 * UInt64(shift)) }
        return Double(bitPattern: bits)
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        var next = position + 1
        switch try tag() {
        case .int:
            let raw = try input.varint(&next)
            let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
            guard let exact = T(exactly: value) else { throw mismatch("a smaller number") }
            return exact
        case .uint:
            guard let exact = T(exactly: try input.varint(&next)) else { throw mismatch("a smaller number") }
            return exact
        default: throw mismatch("an integer")
        }
    }

    /// Scalars directly; anything else through its own `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return unsafeBitCast(try decode(String.self), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try decode(Bool.self), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try decode(Double.self), to: T.self) }
        if T.self == String?.self {
            let string: String? = try tag() == .null ? nil : decode(String.self)
            return unsafeBitCast(string, to: T.self)
        }
        if T.self == [String].self { return unsafeBitCast(try strings(), to: T.self) }
        return try T(from: self)
    }

    /// An array of strings read in one loop, as `Array`'s own decoding would read it.
    private func strings() throws -> [String] {
        guard try tag() == .array else { throw mismatch("an array") }
        let header = try input.container(position + 1)
        var strings: [String] = []
        strings.reserveCapacity(header.count)
        var next = header.start
        for _ in 0..<header.count {
            strings.append(try BinaryValueDecoder(input: input, position: next, codingPath: codingPath).decode(String.self))
            next = try input.skip(next)
        }
        return strings
    }
}
