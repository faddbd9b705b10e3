import Foundation
import Testing
@testable import PreflightKit

/// The binary form the content snapshot is stored in, and the snapshot in builds: unchanged files
/// come from it, changed ones are parsed, and the output is what a full build writes.
@Suite("Content snapshot")
struct ContentSnapshotTests {
    /// Every stored property, nested ones included, as `dump` prints them (dictionaries sorted):
    /// items are not `Equatable`, and a field their coding forgets must still show up as a difference.
    static func fields(_ item: Item) -> String {
        var stripped = item
        stripped.keyLocations = [:]
        stripped.extras = [:]
        var text = ""
        dump(stripped, to: &text)
        for (key, location) in item.keyLocations.sorted(by: { $0.key < $1.key }) { text += "\(key) \(location)\n" }
        text += canonical(.map(item.extras))
        return text
    }

    /// A YAML value with its mappings in key order: two equal dictionaries may iterate differently.
    static func canonical(_ value: YAMLValue) -> String {
        switch value {
        case .scalar(let text): "s(\(text))"
        case .null: "null"
        case .list(let values): "[" + values.map(canonical).joined(separator: ",") + "]"
        case .map(let values): "{" + values.sorted { $0.key < $1.key }.map { "\($0.key):\(canonical($0.value))" }.joined(separator: ",") + "}"
        }
    }

    @Test func everyShippedItemSurvivesTheRoundTrip() throws {
        let (content, _) = ContentLoader().load(from: Repository.content)
        #expect(content.items.count > 500)
        for item in content.items {
            let bytes = try BinaryEncoder().encode(item)
            let decoded = try BinaryDecoder().decode(Item.self, from: bytes)
            #expect(Self.fields(decoded) == Self.fields(item), "\(item.id)")
        }
    }

    /// Reads its keys in another order than it wrote them, and skips one: the decoder must look
    /// them up rather than assume writing order.
    struct Shuffled: Codable, Equatable {
        var name: String
        var count: Int
        var ratio: Double
        var flag: Bool?
        var nested: [String: [Int8]]
        var unsigned: UInt64

        enum CodingKeys: String, CodingKey { case name, count, ratio, flag, nested, unsigned, ignored }

        init(name: String, count: Int, ratio: Double, flag: Bool?, nested: [String: [Int8]], unsigned: UInt64) {
            (self.name, self.count, self.ratio, self.flag, self.nested, self.unsigned) = (name, count, ratio, flag, nested, unsigned)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(count, forKey: .count)
            try container.encode("skipped on reading", forKey: .ignored)
            try container.encode(ratio, forKey: .ratio)
            try container.encodeIfPresent(flag, forKey: .flag)
            try container.encode(nested, forKey: .nested)
            try container.encode(unsigned, forKey: .unsigned)
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            unsigned = try container.decode(UInt64.self, forKey: .unsigned)
            nested = try container.decode([String: [Int8]].self, forKey: .nested)
            flag = try container.decodeIfPresent(Bool.self, forKey: .flag)
            ratio = try container.decode(Double.self, forKey: .ratio)
            count = try container.decode(Int.self, forKey: .count)
            name = try container.decode(String.self, forKey: .name)
        }
    }

    @Test func keysReadOutOfOrderAndEveryScalarKindDecode() throws {
        let values = [
            Shuffled(name: "ünïcode ✓", count: -1 << 40, ratio: -0.1, flag: nil, nested: ["a": [-128, 127], "": []], unsigned: .max),
            Shuffled(name: "", count: 0, ratio: .infinity, flag: false, nested: [:], unsigned: 0),
        ]
        let decoded = try BinaryDecoder().decode([Shuffled].self, from: BinaryEncoder().encode(values))
        #expect(decoded == values)
        // A value of the wrong type is an error, not a trap.
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode([String].self, from: BinaryEncoder().encode(values)) }
    }

    @Test func damagedBytesThrowInsteadOfTrapping() throws {
        let (content, _) = ContentLoader().load(from: Repository.content)
        let bytes = try BinaryEncoder().encode(content.items[0])
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(throws: (any Error).self) { try BinaryDecoder().decode(Item.self, from: Array(bytes.prefix(length))) }
        }
        var flipped = bytes
        for index in stride(from: 0, to: flipped.count, by: 7) { flipped[index] ^= 0xA5 }
        _ = try? BinaryDecoder().decode(Item.self, from: flipped)  // may decode or throw; must not trap
    }

    @Test func anIncrementalBuildParsesOnlyTheChangedFileAndWritesWhatAFullBuildWrites() throws {
        let site = try FixtureSite(IncrementalBuildTests.site)
        defer { site.remove() }
        let first = IncrementalBuildTests.build(site)
        #expect(!first.failed)
        #expect(site.exists("Output/" + ContentSnapshot.fileName))
        let warnings = first.diagnostics.filter { $0.level == .warning && !$0.location.file.contains("/profiles/") }
        #expect(!warnings.isEmpty)

        let note = try site.read("Content/notes/mysql.md")
        try site.write("Content/notes/mysql.md", note + "\nEdited after the first build.\n")
        let scan = InputScan.scan(BuildRequest(contentRoot: site.content, outputRoot: site.output))
        let key = ContentSnapshot.key(contentRoot: site.content, vocabulary: scan.files[site.content + "/vocabulary.yml"])
        let previous = try #require(ContentSnapshot.read(root: site.output, key: key, pathPrefix: site.content + "/"))
        let loaded = ContentLoader().load(from: site.content, snapshot: .init(previous: previous, hashes: scan.files))
        #expect(loaded.files.filter { !$0.reused }.map(\.path) == ["notes/mysql.md"])
        #expect(loaded.content.items.count == loaded.files.count)
        #expect(ContentSnapshot.read(root: site.output, key: ContentHash(value: key.value ^ 1), pathPrefix: site.content + "/") == nil)

        // The warnings of the files that were not parsed again are still reported.
        let second = IncrementalBuildTests.build(site)
        #expect(!second.failed)
        #expect(second.diagnostics.filter { $0.level == .warning && !$0.location.file.contains("/profiles/") } == warnings)
        #expect(try site.read("Output/shop/wiki/Engine-Notes.md").contains("Edited after the first build."))

        // Byte for byte what a full build into a fresh folder writes (paths aside, the cache files differ).
        var request = BuildRequest(contentRoot: site.content, outputRoot: site.path("Full"))
        request.force = true
        #expect(!Pipeline().build(request).failed)
        let incremental = site.snapshot("Output").filter { !$0.key.hasPrefix(".preflight-cache") }
        let full = site.snapshot("Full").filter { !$0.key.hasPrefix(".preflight-cache") }
        #expect(incremental == full)
    }

    @Test func pathsUnderTheContentFolderAreStoredWithoutIt() throws {
        let (content, _) = ContentLoader().load(from: Repository.content)
        let item = try #require(content.items.first { !$0.keyLocations.isEmpty })
        let prefix = Repository.content + "/"
        let bytes = try BinaryEncoder(pathPrefix: prefix).encode(item)
        #expect(!String(decoding: bytes, as: UTF8.self).contains(Repository.content))
        let decoded = try BinaryDecoder(pathPrefix: prefix).decode(Item.self, from: bytes)
        #expect(Self.fields(decoded) == Self.fields(item))
        #expect(decoded.file == item.file && decoded.file.hasPrefix(prefix))
        // A string that already holds the marker cannot be stored faithfully, so it is refused.
        var odd = item
        odd.body = "a \u{1} b"
        #expect(throws: EncodingError.self) { try BinaryEncoder(pathPrefix: prefix).encode(odd) }
    }

    @Test func itemSetsAnswerOnlyForTheIdsTheyWereTakenOver() {
        let set = ItemSet(ids: ["c", "a", "b", "d", "e", "f", "g", "h", "i"])
        let encoded = set.encode(["b", "i", "unknown"])
        #expect(set.contains(anyOf: ["i"], in: encoded))
        #expect(set.contains(anyOf: ["a", "b"], in: encoded))
        #expect(!set.contains(anyOf: ["a", "c", "h"], in: encoded))
        #expect(!set.contains(anyOf: [], in: encoded))
        // An id the set does not know, another id list, or a damaged entry: assume it is shown.
        #expect(set.contains(anyOf: ["z"], in: encoded))
        #expect(ItemSet(ids: ["a", "b"]).contains(anyOf: ["a"], in: ItemSet(ids: ["a", "b", "c"]).encode(["b"])))
        #expect(set.contains(anyOf: ["a"], in: "not a set"))
    }

    /// A flipped bit inside one record must not decode into a different item: that record is
    /// dropped and its file parsed again, the others are still used.
    @Test func aDamagedRecordIsParsedAgain() throws {
        let site = try FixtureSite(IncrementalBuildTests.site)
        defer { site.remove() }
        _ = IncrementalBuildTests.build(site)
        let path = site.path("Output/" + ContentSnapshot.fileName)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let needle = Array("Never shown for PostgreSQL".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        bytes[at] = UInt8(ascii: "E")
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let scan = InputScan.scan(BuildRequest(contentRoot: site.content, outputRoot: site.output))
        let key = ContentSnapshot.key(contentRoot: site.content, vocabulary: scan.files[site.content + "/vocabulary.yml"])
        let snapshot = try #require(ContentSnapshot.read(root: site.output, key: key, pathPrefix: site.content + "/"))
        let loaded = ContentLoader().load(from: site.content, snapshot: .init(previous: snapshot, hashes: scan.files))
        #expect(loaded.files.filter { !$0.reused }.map(\.path) == ["notes/mysql.md"])
        let note = try #require(loaded.content.items.first { $0.file.hasSuffix("notes/mysql.md") })
        #expect(note.body.contains("Never shown for PostgreSQL"))
    }

    @Test func aDamagedSnapshotIsIgnored() throws {
        let site = try FixtureSite(IncrementalBuildTests.site)
        defer { site.remove() }
        _ = IncrementalBuildTests.build(site)
        let path = "Output/" + ContentSnapshot.fileName
        var bytes = try Data(contentsOf: URL(fileURLWithPath: site.path(path)))
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: URL(fileURLWithPath: site.path(path)))
        let note = try site.read("Content/notes/pg15.md")
        try site.write("Content/notes/pg15.md", note.replacingOccurrences(of: "Upgrading from", with: "Going from"))
        let result = IncrementalBuildTests.build(site)
        #expect(!result.failed)
        #expect(try site.read("Output/demo/wiki/Engine-Notes.md").contains("Going from"))
        // The next build finds a whole snapshot again.
        let scan = InputScan.scan(BuildRequest(contentRoot: site.content, outputRoot: site.output))
        let key = ContentSnapshot.key(contentRoot: site.content, vocabulary: scan.files[site.content + "/vocabulary.yml"])
        #expect(ContentSnapshot.read(root: site.output, key: key, pathPrefix: site.content + "/")?.records.count ?? 0 > 0)
    }
}
