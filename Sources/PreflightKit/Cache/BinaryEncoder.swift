/// A compact, self-describing binary form of `Encodable` values, for caches that must be read back
/// faster than their sources can be parsed.
///
/// Layout: a string table (count, then each string's UTF-8 length and bytes), then one value. A value
/// is a tag byte followed by its payload; strings are indexes into the table, so a path that appears
/// in every source location is stored and later decoded once. Arrays and keyed containers carry their
/// byte length, so a reader can skip one without walking it. See `BinaryDecoder`.
public struct BinaryEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = BinaryValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        var writer = BinaryWriter()
        var body = BinaryWriter()
        body.write(encoder.slot.value, table: &writer.table)
        writer.writeTable()
        writer.bytes += body.bytes
        return writer.bytes
    }
}

/// The tags of the binary form.
enum BinaryTag: UInt8 {
    case null = 0, `false`, `true`, int, uint, double, string, array, map
}

/// A value while it is being encoded: containers are references so that a container handed out
/// earlier still fills the value it belongs to.
enum BinaryValue {
    case null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String)
    case array(BinaryArray), map(BinaryMap)
    /// A super encoder's value, read when the parent is written.
    case deferred(BinarySlot)
}

final class BinaryArray { var items: [BinaryValue] = [] }
final class BinaryMap { var entries: [(String, BinaryValue)] = [] }
final class BinarySlot { var value: BinaryValue = .null }

struct BinaryWriter {
    var bytes: [UInt8] = []
    var table: [String: Int] = [:]
    private var order: [String] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func writeTable() {
        let strings = table.sorted { $0.value < $1.value }.map(\.key)
        varint(UInt64(strings.count))
        for string in strings {
            varint(UInt64(string.utf8.count))
            bytes += string.utf8
        }
    }

    static func index(of string: String, in table: inout [String: Int]) -> Int {
        if let index = table[string] { return index }
        let index = table.count
        table[string] = index
        return index
    }

    mutating func write(_ value: BinaryValue, table: inout [String: Int]) {
        switch value {
        case .null: bytes.append(BinaryTag.null.rawValue)
        case .bool(let flag): bytes.append(flag ? BinaryTag.true.rawValue : BinaryTag.false.rawValue)
        case .int(let number):
            bytes.append(BinaryTag.int.rawValue)
            varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
        case .uint(let number):
            bytes.append(BinaryTag.uint.rawValue)
            varint(number)
        case .double(let number):
            bytes.append(BinaryTag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes += $0 }
        case .string(let string):
            bytes.append(BinaryTag.string.rawValue)
            varint(UInt64(Self.index(of: string, in: &table)))
        case .deferred(let slot):
            write(slot.value, table: &table)
        case .array(let array):
            let start = beginContainer(.array, count: array.items.count)
            for item in array.items { write(item, table: &table) }
            endContainer(start)
        case .map(let map):
            let start = beginContainer(.map, count: map.entries.count)
            for (key, item) in map.entries {
                varint(UInt64(Self.index(of: key, in: &table)))
                write(item, table: &table)
            }
            endContainer(start)
        }
    }

    /// Tag, a four-byte length patched by `endContainer`, then the count.
    private mutating func beginContainer(_ tag: BinaryTag, count: Int) -> Int {
        bytes.append(tag.rawValue)
        let start = bytes.count
        bytes += [0, 0, 0, 0]
        varint(UInt64(count))
        return start
    }

    private mutating func endContainer(_ start: Int) {
        let length = UInt32(bytes.count - start - 4)
        for shift in 0..<4 { bytes[start + shift] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(shift))) }
    }
}

/// The `Encoder` handed to each value; it fills one slot.
final class BinaryValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let slot: BinarySlot

    init(codingPath: [any CodingKey], slot: BinarySlot = BinarySlot()) {
        self.codingPath = codingPath
        self.slot = slot
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .map(let map) = slot.value { return KeyedEncodingContainer(BinaryKeyedEncoding(map: map, codingPath: codingPath)) }
        let map = BinaryMap()
        slot.value = .map(map)
        return KeyedEncodingContainer(BinaryKeyedEncoding(map: map, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array) = slot.value { return BinaryUnkeyedEncoding(array: array, codingPath: codingPath) }
        let array = BinaryArray()
        slot.value = .array(array)
        return BinaryUnkeyedEncoding(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BinarySingleEncoding(slot: slot, codingPath: codingPath) }

    /// Scalars directly; anything else through its own `encode(to:)`.
    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> BinaryValue {
        switch value {
        case let string as String: return .string(string)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .int(Int64(number))
        case let number as Double: return .double(number)
        case let number as Float: return .double(Double(number))
        case let number as any FixedWidthInteger:
            return type(of: number).isSigned ? .int(Int64(number)) : .uint(UInt64(number))
        default:
            let encoder = BinaryValueEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.slot.value
        }
    }
}

struct BinaryKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let map: BinaryMap
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) { map.entries.append((key.stringValue, .null)) }
    mutating func encode(_ value: Bool, forKey key: Key) { map.entries.append((key.stringValue, .bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) { map.entries.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) { map.entries.append((key.stringValue, .double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) { map.entries.append((key.stringValue, .int(Int64(value)))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        map.entries.append((key.stringValue, try BinaryValueEncoder.box(value, codingPath: codingPath)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = BinaryMap()
        map.entries.append((key.stringValue, .map(nested)))
        return KeyedEncodingContainer(BinaryKeyedEncoding<NestedKey>(map: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = BinaryArray()
        map.entries.append((key.stringValue, .array(nested)))
        return BinaryUnkeyedEncoding(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = BinaryValueEncoder(codingPath: codingPath)
        map.entries.append((key.stringValue, .deferred(encoder.slot)))
        return encoder
    }
}

struct BinaryUnkeyedEncoding: UnkeyedEncodingContainer {
    let array: BinaryArray
    let codingPath: [any CodingKey]
    var count: Int { array.items.count }

    mutating func encodeNil() { array.items.append(.null) }
    mutating func encode(_ value: String) { array.items.append(.string(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.items.append(try BinaryValueEncoder.box(value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = BinaryMap()
        array.items.append(.map(nested))
        return KeyedEncodingContainer(BinaryKeyedEncoding<NestedKey>(map: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = BinaryArray()
        array.items.append(.array(nested))
        return BinaryUnkeyedEncoding(array: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = BinaryValueEncoder(codingPath: codingPath)
        array.items.append(.deferred(encoder.slot))
        return encoder
    }
}

struct BinarySingleEncoding: SingleValueEncodingContainer {
    let slot: BinarySlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() { slot.value = .null }
    mutating func encode(_ value: Bool) { slot.value = .bool(value) }
    mutating func encode(_ value: String) { slot.value = .string(value) }
    mutating func encode(_ value: Double) { slot.value = .double(value) }
    mutating func encode(_ value: Float) { slot.value = .double(Double(value)) }
    mutating func encode(_ value: Int) { slot.value = .int(Int64(value)) }
    mutating func encode(_ value: Int64) { slot.value = .int(value) }
    mutating func encode(_ value: UInt64) { slot.value = .uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.value = try BinaryValueEncoder.box(value, codingPath: codingPath) }
}
