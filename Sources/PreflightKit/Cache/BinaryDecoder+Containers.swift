/// The containers `BinaryValueDecoder` hands out: keyed, unkeyed and single values.

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
