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
    static let magic = Array("PFSNAP4\n".utf8)

    /// Which content a snapshot describes, as the cache keys name it.
    public struct State: Sendable, Equatable {
        /// `ProfileKey.contentKey`: every content file but the profiles, and the settings.
        public var content: String
        /// `ProfileKey.global`: the files that are not items (vocabulary, theme), and the settings.
        public var global: String

        public init(content: String, global: String) {
            self.content = content
            self.global = global
        }
    }

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

    /// A record as stored: the hash of the file it came from, where its bytes are in `buffer`, and
    /// their own hash, checked before they are decoded.
    struct Stored: Sendable {
        var hash: ContentHash
        var range: Range<Int>
        var check: UInt64
    }

    /// What decoding items depends on besides their files (see `key(contentRoot:vocabulary:)`).
    public let key: ContentHash
    /// The state of the content the snapshot describes: `ProfileKey.contentKey` and
    /// `ProfileKey.global` of the build that wrote it.
    public let state: State
    /// The content folder as named, with a slash: stored as a marker in every string that holds it.
    let pathPrefix: String
    /// The snapshot file as read; records are decoded from it on demand.
    let buffer: [UInt8]
    /// By path relative to the content folder.
    let records: [String: Stored]

    /// The snapshot's key for a content folder: the tool, the folder as named and the vocabulary's hash.
    public static func key(contentRoot: String, vocabulary: ContentHash?) -> ContentHash {
        var key = KeyBuilder()
        key.add(BuildManifest.toolIdentity)
        key.add(contentRoot)
        key.add(vocabulary ?? ContentHash(value: 0))
        return key.hash
    }

    /// The record for `path` if it was taken from a file with `hash`; nil when there is none, or
    /// its bytes were damaged (a flipped bit could otherwise decode into a wrong item), or it does
    /// not decode.
    public func record(for path: String, hash: ContentHash) -> Record? {
        guard let stored = records[path], stored.hash == hash else { return nil }
        let bytes = Array(buffer[stored.range])
        guard ContentHash(bytes).value == stored.check else { return nil }
        return try? BinaryDecoder(pathPrefix: pathPrefix).decode(Record.self, from: bytes)
    }

    /// The record for `path` whatever file it was taken from (to compare with a changed file).
    func anyRecord(for path: String) -> Record? {
        guard let stored = records[path] else { return nil }
        return record(for: path, hash: stored.hash)
    }

    /// The stored bytes of `path`'s record, if they were taken from a file with `hash`.
    func bytes(for path: String, hash: ContentHash) -> ArraySlice<UInt8>? {
        guard let stored = records[path], stored.hash == hash else { return nil }
        return buffer[stored.range]
    }

    /// The snapshot in `root` if it has `key`.
    /// - Parameter pathPrefix: the content folder as named, with a slash (see `BinaryEncoder.pathPrefix`).
    public static func read(root: String, key: ContentHash, pathPrefix: String) -> ContentSnapshot? {
        guard let data = FileReader.readAll(root + "/" + fileName) else { return nil }
        let buffer = [UInt8](data)
        var state = State(content: "", global: "")
        let records = buffer.withUnsafeBufferPointer { bytes -> [String: Stored]? in
            var reader = SnapshotReader(bytes: bytes)
            guard reader.take(magic.count).map(Array.init) == magic, reader.uint64() == key.value,
                  let content = reader.string(), let global = reader.string() else { return nil }
            state = State(content: content, global: global)
            var records: [String: Stored] = [:]
            while reader.position < bytes.count {
                guard let pathLength = reader.varint(), let path = reader.take(Int(pathLength)),
                      let hash = reader.uint64(), let check = reader.uint64(), let length = reader.varint(),
                      let start = Optional(reader.position), reader.take(Int(length)) != nil
                else { return nil }
                records[String(decoding: path, as: UTF8.self)] = Stored(hash: ContentHash(value: hash),
                                                                        range: start..<start + Int(length), check: check)
            }
            return records
        }
        guard let records else { return nil }
        return ContentSnapshot(key: key, state: state, pathPrefix: pathPrefix, buffer: buffer, records: records)
    }

    /// Writes a snapshot under `key`, beside its place and renamed over it, like
    /// the manifest. `produce` hands over the entries, already in the file's entry format and in
    /// any order, through the function it is given (which may be called from several threads and
    /// returns false when a write failed); `produce` returns false to abandon the snapshot. Chunks
    /// are written as they come rather than joined: on a large content folder the joined file would
    /// be the largest single allocation of the build.
    static func write(root: String, key: ContentHash, state: State,
                      produce: (_ write: @escaping @Sendable ([UInt8]) -> Bool) -> Bool) {
        var header = magic
        SnapshotWriter.uint64(key.value, into: &header)
        for text in [state.content, state.global] {
            BinaryStream.varint(UInt64(text.utf8.count), into: &header)
            header += text.utf8
        }
        let path = root + "/" + fileName
        let temporary = root + "/.preflight-tmp-snapshot"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let lock = NSLock()
        let write: @Sendable ([UInt8]) -> Bool = { chunk in
            lock.withLock { chunk.withUnsafeBytes { OutputWriter.writeAll(descriptor, $0) } }
        }
        let complete = write(header) && produce(write)
        close(descriptor)
        if complete, rename(temporary, path) == 0 { return }
        unlink(temporary)
    }
}

/// The entry format: path (length and bytes), the file's hash, the record's hash, the record
/// (length and bytes).
enum SnapshotWriter {
    static func uint64(_ value: UInt64, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    static func append(path: String, hash: ContentHash, record: some Collection<UInt8>, to bytes: inout [UInt8]) {
        BinaryStream.varint(UInt64(path.utf8.count), into: &bytes)
        bytes += path.utf8
        uint64(hash.value, into: &bytes)
        let check = Array(record).withUnsafeBytes { ContentHash($0).value }
        uint64(check, into: &bytes)
        BinaryStream.varint(UInt64(record.count), into: &bytes)
        bytes += record
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

    mutating func string() -> String? {
        guard let length = varint(), let bytes = take(Int(length)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
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
