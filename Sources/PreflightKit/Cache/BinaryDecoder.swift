/// Reads what `BinaryEncoder` wrote. Any malformed input throws `DecodingError.dataCorrupted`
/// rather than trapping, since a cache file can be truncated or stale.
///
/// Keyed values are read in the order they were written (the order synthesized `Codable` uses both
/// ways), which costs one string comparison per key; a key asked for out of order falls back to an
/// index of the container, built once, so any `Decodable` reads correctly.
public struct BinaryDecoder: Sendable {
    /// What the encoder's `pathPrefix` marker stands for in this build.
    public var pathPrefix: String?

    public init(pathPrefix: String? = nil) { self.pathPrefix = pathPrefix }

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
        return try T(from: self)
    }
}

final class BinaryKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let input: BinaryInput
    let codingPath: [any CodingKey]
    private let start: Int
    private let count: Int
    // Unchecked exclusivity: a container is read by one decoding on one thread.
    /// Where the next entry in writing order begins, and how many entries precede it.
    @exclusivity(unchecked) private var next: Int
    @exclusivity(unchecked) private var passed = 0
    /// Every entry's key and value position, built on the first out-of-order access.
    @exclusivity(unchecked) private var index: [(key: String, value: Int)]?

    init(input: BinaryInput, header: (start: Int, end: Int, count: Int), codingPath: [any CodingKey]) throws {
        self.input = input
        self.codingPath = codingPath
        start = header.start
        count = header.count
        next = header.start
    }

    var allKeys: [Key] { ((try? entries()) ?? []).compactMap { Key(stringValue: $0.key) } }

    private func entries() throws -> [(key: String, value: Int)] {
        if let index { return index }
        var built: [(key: String, value: Int)] = []
        built.reserveCapacity(count)
        var position = start
        for _ in 0..<count {
            let key = try input.string(&position)
            built.append((key, position))
            position = try input.skip(position)
        }
        index = built
        return built
    }

    /// The position of the value for `key`, or nil when the container has none.
    private func find(_ key: Key) throws -> Int? {
        if passed < count {
            var position = next
            if try input.string(&position) == key.stringValue {
                next = try input.skip(position)
                passed += 1
                return position
            }
        }
        return try entries().first { $0.key == key.stringValue }?.value
    }

    private func decoder(_ key: Key) throws -> BinaryValueDecoder {
        guard let position = try find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for `\(key.stringValue)`"))
        }
        return BinaryValueDecoder(input: input, position: position, codingPath: codingPath)
    }

    func contains(_ key: Key) -> Bool {
        if passed < count, var position = Optional(next), (try? input.string(&position)) == key.stringValue { return true }
        return ((try? entries()) ?? []).contains { $0.key == key.stringValue }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let position = try find(key) else { return true }
        return try input.byte(position) == BinaryTag.null.rawValue
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder(key).decode(Bool.self) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder(key).decode(String.self) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder(key).decode(Double.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder(key).integer(Int.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(key).decode(T.self) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let position = try find(key), try input.byte(position) != BinaryTag.null.rawValue else { return nil }
        return try BinaryValueDecoder(input: input, position: position, codingPath: codingPath).decode(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try decoder(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(key) }
}

struct BinaryUnkeyedDecoding: UnkeyedDecodingContainer {
    let input: BinaryInput
    let codingPath: [any CodingKey]
    let count: Int?
    private(set) var currentIndex = 0
    private var position: Int
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(input: BinaryInput, header: (start: Int, end: Int, count: Int), codingPath: [any CodingKey]) throws {
        self.input = input
        self.codingPath = codingPath
        count = header.count
        position = header.start
    }

    private mutating func nextDecoder() throws -> BinaryValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "past the end of an array"))
        }
        let decoder = BinaryValueDecoder(input: input, position: position, codingPath: codingPath)
        position = try input.skip(position)
        currentIndex += 1
        return decoder
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try input.byte(position) == BinaryTag.null.rawValue else { return false }
        position += 1
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: String.Type) throws -> String { try nextDecoder().decode(String.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try nextDecoder().decode(T.self) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try nextDecoder().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try nextDecoder() }
}

struct BinarySingleDecoding: SingleValueDecodingContainer {
    let decoder: BinaryValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { (try? decoder.decodeNil()) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decode(Bool.self) }
    func decode(_ type: String.Type) throws -> String { try decoder.decode(String.self) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decode(Double.self) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
}
