/// The encoder and containers `BinaryStream` writes through: keyed, unkeyed and single values.

/// The `Encoder` handed to a value whose containers open at `depth`.
final class BinaryValueEncoder: Encoder {
    let stream: BinaryStream
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The container this value opened, reused if it asks again (as a class and its superclass do).
    private var opened: Int?

    init(stream: BinaryStream, depth: Int) {
        self.stream = stream
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let id = opened ?? stream.begin(.map, depth: depth)
        opened = id
        return KeyedEncodingContainer(BinaryKeyedEncoding<Key>(stream: stream, id: id, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let id = opened ?? stream.begin(.array, depth: depth)
        opened = id
        return BinaryUnkeyedEncoding(stream: stream, id: id, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BinarySingleEncoding(stream: stream, depth: depth) }
}

struct BinaryKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: BinaryStream
    let id: Int
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) throws {
        try stream.entry(of: id, depth: depth)
        stream.string(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        try self.key(key)
        stream.tag(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try self.key(key)
        try stream.value(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        try? self.key(key)
        return BinaryValueEncoder(stream: stream, depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        try? self.key(key)
        return BinaryValueEncoder(stream: stream, depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        try? self.key(key)
        return BinaryValueEncoder(stream: stream, depth: depth + 1)
    }
}

struct BinaryUnkeyedEncoding: UnkeyedEncodingContainer {
    let stream: BinaryStream
    let id: Int
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: BinaryStream, id: Int, depth: Int) {
        self.stream = stream
        self.id = id
        self.depth = depth
    }

    mutating func encodeNil() throws {
        try stream.entry(of: id, depth: depth)
        count += 1
        stream.tag(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try stream.entry(of: id, depth: depth)
        count += 1
        try stream.value(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        try? stream.entry(of: id, depth: depth)
        count += 1
        return BinaryValueEncoder(stream: stream, depth: depth + 1).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        try? stream.entry(of: id, depth: depth)
        count += 1
        return BinaryValueEncoder(stream: stream, depth: depth + 1).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        try? stream.entry(of: id, depth: depth)
        count += 1
        return BinaryValueEncoder(stream: stream, depth: depth + 1)
    }
}

/// One value written where the encoder stands; the parent has already written its key.
struct BinarySingleEncoding: SingleValueEncodingContainer {
    let stream: BinaryStream
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { stream.tag(.null) }
    mutating func encode(_ value: Bool) { stream.tag(value ? .true : .false) }
    mutating func encode(_ value: String) { stream.stringValue(value) }
    mutating func encode(_ value: Double) { stream.double(value) }
    mutating func encode(_ value: Float) { stream.double(Double(value)) }
    mutating func encode(_ value: Int) { stream.int(Int64(value)) }
    mutating func encode(_ value: Int8) { stream.int(Int64(value)) }
    mutating func encode(_ value: Int16) { stream.int(Int64(value)) }
    mutating func encode(_ value: Int32) { stream.int(Int64(value)) }
    mutating func encode(_ value: Int64) { stream.int(value) }
    mutating func encode(_ value: UInt) { stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) { stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) { stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) { stream.uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) { stream.uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try stream.value(value, depth: depth) }
}
