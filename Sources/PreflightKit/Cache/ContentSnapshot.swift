import Foundation

/// The content's items as an earlier build parsed and checked them, by file, kept in
/// `<out>/.preflight-cache.snapshot` so that the next build parses only the files that changed.
///
/// Each record is stored in the binary form of `BinaryEncoder` under the file's path and content
/// hash; a record is used only while the hash still matches. The whole snapshot is keyed on what
/// item decoding depends on besides the file (the tool, the content folder as named, the
/// vocabulary), so a change to any of them discards it. Like the manifest, nothing in it is
/// trusted beyond saving work: a missing or damaged snapshot means parsing everything.
public struct ContentSnapshot: Sendable {
    public static let fileName = ".preflight-cache.snapshot"
    static let magic = Array("PFSNAP1\n".utf8)

    /// What loading and checking one item file produced.
    public struct Record: Sendable, Codable {
        /// The item, or nil when the file did not load.
        public var item: Item?
        /// The loader's problems with the file.
        public var problems: [Diagnostic]
        /// The validator's checks that look at this item alone (see `ContentValidator.itemChecks`);
        /// nil until a build has run them.
        public var checks: [Diagnostic]?
    }

    /// A record as stored: the hash of the file it came from and its encoded bytes.
    struct Stored: Sendable {
        var hash: ContentHash
        var bytes: [UInt8]
    }

    public let key: ContentHash
    /// By path relative to the content folder.
    var records: [String: Stored]

    init(key: ContentHash, records: [String: Stored] = [:]) {
        self.key = key
        self.records = records
    }

    /// The snapshot's key for a content folder: the tool, the folder as named and the vocabulary's hash.
    public static func key(contentRoot: String, vocabulary: ContentHash?) -> ContentHash {
        var key = KeyBuilder()
        key.add(BuildManifest.toolIdentity)
        key.add(contentRoot)
        key.add(vocabulary ?? ContentHash(value: 0))
        return key.hash
    }

    /// The record for `path` if it was taken from a file with `hash`; nil when there is none or it
    /// does not decode.
    public func record(for path: String, hash: ContentHash) -> Record? {
        guard let stored = records[path], stored.hash == hash else { return nil }
        return try? BinaryDecoder().decode(Record.self, from: stored.bytes)
    }

    /// The snapshot in `root` if it has `key`.
    public static func read(root: String, key: ContentHash) -> ContentSnapshot? {
        guard let data = FileReader.readAll(root + "/" + fileName) else { return nil }
        return [UInt8](data).withUnsafeBufferPointer { bytes -> ContentSnapshot? in
            var reader = SnapshotReader(bytes: bytes)
            guard reader.take(magic.count).map(Array.init) == magic, reader.uint64() == key.value,
                  let count = reader.varint() else { return nil }
            var records: [String: Stored] = [:]
            records.reserveCapacity(Int(min(count, 1 << 20)))
            for _ in 0..<count {
                guard let pathLength = reader.varint(), let path = reader.take(Int(pathLength)),
                      let hash = reader.uint64(), let length = reader.varint(), let bytes = reader.take(Int(length))
                else { return nil }
                records[String(decoding: path, as: UTF8.self)] = Stored(hash: ContentHash(value: hash), bytes: Array(bytes))
            }
            return ContentSnapshot(key: key, records: records)
        }
    }

    /// Written beside its place and renamed over it, like the manifest.
    public func write(root: String) {
        var bytes = Self.magic
        func varint(_ value: Int) {
            var value = UInt64(value)
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
        func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        uint64(key.value)
        varint(records.count)
        for path in records.keys.sorted() {
            let stored = records[path]!
            varint(path.utf8.count)
            bytes += path.utf8
            uint64(stored.hash.value)
            varint(stored.bytes.count)
            bytes += stored.bytes
        }
        let path = root + "/" + Self.fileName
        let temporary = root + "/.preflight-tmp-snapshot"
        if OutputWriter.writeFile(temporary, bytes) {
            if rename(temporary, path) != 0 { unlink(temporary) }
        } else {
            unlink(temporary)
        }
    }
}

/// Bounds-checked reads over the snapshot file; every read returns nil past the end.
private struct SnapshotReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func uint64() -> UInt64? {
        guard let raw = take(8) else { return nil }
        return raw.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64, let byte = take(1)?.first {
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }
}
