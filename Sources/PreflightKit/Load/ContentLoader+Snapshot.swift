/// Loading with the records of an earlier build, and turning a load into the next snapshot.
extension ContentLoader {
    /// An earlier build's snapshot and this build's file hashes (from `InputScan`, by full path).
    public struct SnapshotUse: Sendable {
        public var previous: ContentSnapshot?
        public var hashes: [String: ContentHash]

        public init(previous: ContentSnapshot?, hashes: [String: ContentHash]) {
            self.previous = previous
            self.hashes = hashes
        }
    }

    /// One item file as this load found it.
    public struct LoadedFile: Sendable {
        /// Relative to the content folder.
        public var path: String
        /// The scanned hash the record belongs to (nil without a snapshot, or for a file the scan missed).
        public var hash: ContentHash?
        public var record: ContentSnapshot.Record
        /// Whether the record came from the snapshot; if so its stored bytes can be kept as they are.
        public var reused: Bool
    }

    /// The content, the loader's problems, and every item file's record.
    public struct Loaded: Sendable {
        public var content: ContentSet
        public var diagnostics: [Diagnostic]
        public var files: [LoadedFile]

        /// The item checks the snapshot already had, by item file, for `ContentValidator`.
        public var knownChecks: [String: [Diagnostic]] {
            var known: [String: [Diagnostic]] = [:]
            for file in files where file.reused {
                if let item = file.record.item, let checks = file.record.checks { known[item.file] = checks }
            }
            return known
        }

        /// The snapshot for the next build: records kept from the previous one as stored bytes, new
        /// ones encoded with the checks this build ran (`checks`, by item file). Files the scan did
        /// not hash are left out.
        public func snapshot(key: ContentHash, previous: ContentSnapshot?, checks: [String: [Diagnostic]]) -> ContentSnapshot {
            let fresh = files.filter { !$0.reused && $0.hash != nil }
            let encoded = parallelMap(fresh) { file -> [UInt8]? in
                var record = file.record
                if let item = record.item, record.checks == nil { record.checks = checks[item.file] }
                return try? BinaryEncoder().encode(record)
            }
            var snapshot = ContentSnapshot(key: key)
            for file in files where file.reused {
                if let hash = file.hash, let stored = previous?.records[file.path] { snapshot.records[file.path] = .init(hash: hash, bytes: stored.bytes) }
            }
            for (file, bytes) in zip(fresh, encoded) {
                if let hash = file.hash, let bytes { snapshot.records[file.path] = .init(hash: hash, bytes: bytes) }
            }
            return snapshot
        }
    }

    static func loadFile(_ relative: String, base: String, decoder: ItemDecoder, snapshot: SnapshotUse?) -> LoadedFile {
        let path = base + "/" + relative
        let hash = snapshot?.hashes[path]
        if let hash, let record = snapshot?.previous?.record(for: relative, hash: hash) {
            return LoadedFile(path: relative, hash: hash, record: record, reused: true)
        }
        let (item, problems) = loadItem(path: path, decoder: decoder)
        return LoadedFile(path: relative, hash: hash, record: .init(item: item, problems: problems, checks: nil), reused: false)
    }
}
