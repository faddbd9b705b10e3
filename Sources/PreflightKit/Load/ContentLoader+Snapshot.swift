/// Loading with the records of an earlier build, and turning a load into the next snapshot.
extension ContentLoader {
    /// An earlier build's snapshot and this build's file hashes (from `InputScan`, by full path).
    public struct SnapshotUse: Sendable {
        /// The snapshot an earlier build left, if it has this build's key.
        public var previous: ContentSnapshot?
        /// Every input's hash by full path, from `InputScan`.
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

        /// The ids of the items whose files changed since `previous` in their bodies only (empty
        /// when no item file changed); nil when anything else did: an item file added, removed or
        /// unreadable, or its front matter edited.
        public func bodyEdits(previous: ContentSnapshot?) -> [String]? {
            guard let previous, files.count == previous.records.count,
                  files.allSatisfy({ $0.hash != nil && previous.records[$0.path] != nil }) else { return nil }
            var edited: [String] = []
            for file in files where !file.reused {
                guard let old = previous.anyRecord(for: file.path)?.item, let new = file.record.item,
                      Self.sameExceptBody(old, new) else { return nil }
                edited.append(new.id)
            }
            return edited
        }

        /// Compared by their encodings, with the bodies left out. Dictionaries may encode in another
        /// order and compare unequal; that only costs the shortcut, never a stale page.
        static func sameExceptBody(_ old: Item, _ new: Item) -> Bool {
            var old = old, new = new
            old.body = ""
            new.body = ""
            guard let before = try? BinaryEncoder().encode(old), let after = try? BinaryEncoder().encode(new) else { return false }
            return before == after
        }

        /// Writes the snapshot for the next build into `root`: records kept from the previous one
        /// as stored bytes, new ones encoded with the checks this build ran (`checks`, by item file).
        /// Files the scan did not hash are left out. Encoded over all cores a chunk at a time, each
        /// chunk written as soon as it is encoded.
        public func writeSnapshot(root: String, key: ContentHash, state: ContentSnapshot.State, previous: ContentSnapshot?,
                                  checks: [String: [Diagnostic]]) {
            let kept = files.filter { $0.hash != nil }
            if let previous, previous.state == state, files.allSatisfy(\.reused), previous.records.count == kept.count { return }
            let chunks = stride(from: 0, to: kept.count, by: 256).map { kept[$0..<min($0 + 256, kept.count)] }
            let prefix = content.root + "/"
            ContentSnapshot.write(root: root, key: key, state: state) { write in
                parallelMap(chunks) { chunk -> Bool in
                    var bytes: [UInt8] = []
                    for file in chunk {
                        let hash = file.hash!
                        if file.reused, let stored = previous?.bytes(for: file.path, hash: hash) {
                            SnapshotWriter.append(path: file.path, hash: hash, record: stored, to: &bytes)
                            continue
                        }
                        var record = file.record
                        if let item = record.item, record.checks == nil { record.checks = checks[item.file] }
                        // A record that cannot be stored is left out; its file is parsed next time.
                        guard let encoded = try? BinaryEncoder(pathPrefix: prefix).encode(record) else { continue }
                        SnapshotWriter.append(path: file.path, hash: hash, record: encoded, to: &bytes)
                    }
                    return write(bytes)
                }.allSatisfy { $0 }
            }
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
