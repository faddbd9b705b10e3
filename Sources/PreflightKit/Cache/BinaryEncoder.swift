import Foundation

/// A compact, self-describing binary form of `Encodable` values, for caches that must be read back
/// faster than their sources can be parsed.
///
/// Layout: a string table (count, then each string's UTF-8 length and bytes), then one value. A value
/// is a tag byte followed by its payload; strings are indexes into the table, so a path that appears
/// in every source location is stored and later decoded once. Arrays and keyed containers carry their
/// byte length and count in four bytes each, so a reader can skip one without walking it.
/// See `BinaryDecoder`.
///
/// Values are written as they are encoded, with no tree in between: a container is open until its
/// parent writes again, and its length is filled in when it closes. A container written to after a
/// sibling opened (which no synthesized `Codable` does) is an error.
public struct BinaryEncoder: Sendable {
    /// A folder path to store as a marker wherever a string contains it (see `BinaryDecoder`), so
    /// that source locations under the content folder name no folder of the machine.
    public var pathPrefix: String?

    /// - Parameter pathPrefix: see `pathPrefix`; nil stores every string as it is.
    public init(pathPrefix: String? = nil) { self.pathPrefix = pathPrefix }

    /// Stands for `pathPrefix` inside stored strings; a string that holds it already cannot be stored.
    static let prefixMarker = "\u{1}"

    /// `value` in the binary form. Throws when a string holds the path marker, or a container is
    /// written to after it closed.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let stream = BinaryStream()
        stream.pathPrefix = pathPrefix.flatMap { $0.isEmpty ? nil : $0 }
        try stream.value(value, depth: 0)
        stream.close(above: -1)
        if stream.unstorable {
            throw EncodingError.invalidValue(Self.prefixMarker, .init(codingPath: [], debugDescription: "a string holds U+0001"))
        }
        var output: [UInt8] = []
        output.reserveCapacity(stream.bytes.count + stream.tableBytes.count + 8)
        BinaryStream.varint(UInt64(stream.table.count), into: &output)
        output += stream.tableBytes
        output += stream.bytes
        return output
    }
}

/// The tags of the binary form: `string` is an index into the table, `text` a string stored in
/// place (long strings such as bodies, which are rarely repeated and cost more to hash than to copy).
enum BinaryTag: UInt8 {
    case null = 0, `false`, `true`, int, uint, double, string, array, map, text
}

/// The bytes written so far and the containers still open, innermost last.
final class BinaryStream {
    // Unchecked exclusivity: one stream is only ever used by one encoding on one thread, and the
    // dynamic checks on every append cost an eighth of the encoding.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var table: [String: Int] = [:]
    @exclusivity(unchecked) var tableBytes: [UInt8] = []
    @exclusivity(unchecked) private var open: [(id: Int, header: Int, count: UInt32)] = []
    @exclusivity(unchecked) private var nextID = 0
    var pathPrefix: String?
    /// Set when a string holds the prefix marker itself, which decoding would misread.
    @exclusivity(unchecked) var unstorable = false

    static func varint(_ value: UInt64, into bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Strings longer than this are stored in place rather than in the table: bodies and long
    /// summaries, which are never repeated. Paths must stay below it, since every source location
    /// of an item repeats its file's path (at 64 bytes, decoding the shipped content made half as
    /// many allocations again).
    static let longestShared = 256

    /// A string value: its tag and either its table index or, when long, its bytes.
    func stringValue(_ string: String) {
        guard string.utf8.count > Self.longestShared else {
            tag(.string)
            self.string(string)
            return
        }
        tag(.text)
        let stored = self.stored(string)
        Self.varint(UInt64(stored.utf8.count), into: &bytes)
        bytes += stored.utf8
    }

    /// The table index of `string` (a key, or a short value after its tag).
    func string(_ string: String) {
        let index: Int
        if let known = table[string] {
            index = known
        } else {
            index = table.count
            table[string] = index
            let stored = self.stored(string)
            Self.varint(UInt64(stored.utf8.count), into: &tableBytes)
            tableBytes += stored.utf8
        }
        Self.varint(UInt64(index), into: &bytes)
    }

    /// `string` with the path prefix replaced by its marker.
    private func stored(_ string: String) -> String {
        guard let pathPrefix else { return string }
        if string.contains(BinaryEncoder.prefixMarker) { unstorable = true }
        return string.contains(pathPrefix) ? string.replacingOccurrences(of: pathPrefix, with: BinaryEncoder.prefixMarker) : string
    }

    func tag(_ tag: BinaryTag) { bytes.append(tag.rawValue) }

    func int(_ number: Int64) {
        tag(.int)
        Self.varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)), into: &bytes)
    }

    func uint(_ number: UInt64) {
        tag(.uint)
        Self.varint(number, into: &bytes)
    }

    func double(_ number: Double) {
        tag(.double)
        withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes += $0 }
    }

    /// Opens a container at `depth` (the number of containers around it) and returns its id.
    func begin(_ kind: BinaryTag, depth: Int) -> Int {
        close(above: depth - 1)
        tag(kind)
        let header = bytes.count
        bytes += [0, 0, 0, 0, 0, 0, 0, 0]
        nextID += 1
        open.append((nextID, header, 0))
        return nextID
    }

    /// Before a container at `depth` writes an entry: closes the containers inside it and counts
    /// the entry. Throws if the container has already been closed.
    func entry(of id: Int, depth: Int) throws {
        close(above: depth)
        guard depth < open.count, open[depth].id == id else {
            throw EncodingError.invalidValue(id, .init(codingPath: [], debugDescription: "a container was written to after it closed"))
        }
        open[depth].count += 1
    }

    /// Closes every container deeper than `depth`, filling in its length and count.
    func close(above depth: Int) {
        while open.count > depth + 1 {
            let (_, header, count) = open.removeLast()
            let length = UInt32(bytes.count - header - 4)
            for shift in 0..<4 {
                bytes[header + shift] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(shift)))
                bytes[header + 4 + shift] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(shift)))
            }
        }
    }

    /// Writes one value at `depth`: scalars directly (a metatype comparison and a bit cast, since a
    /// dynamic cast per scalar type cost more than encoding most values), anything else through its
    /// own `encode(to:)`. A value that writes nothing is written as null, so that its entry stays whole.
    func value<T: Encodable>(_ value: T, depth: Int) throws {
        if T.self == String.self {
            stringValue(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            int(Int64(unsafeBitCast(value, to: Int.self)))
        } else if T.self == Bool.self {
            tag(unsafeBitCast(value, to: Bool.self) ? .true : .false)
        } else if T.self == Double.self {
            double(unsafeBitCast(value, to: Double.self))
        } else if T.self == String?.self {
            // What `Optional` and `Array` write through their own coding, without the containers.
            if let string = unsafeBitCast(value, to: String?.self) { stringValue(string) } else { tag(.null) }
        } else if T.self == [String].self {
            let id = begin(.array, depth: depth)
            for string in unsafeBitCast(value, to: [String].self) {
                try entry(of: id, depth: depth)
                stringValue(string)
            }
            close(above: depth - 1)
        } else {
            let before = bytes.count
            try value.encode(to: BinaryValueEncoder(stream: self, depth: depth))
            close(above: depth - 1)
            if bytes.count == before { tag(.null) }
        }
    }
}
