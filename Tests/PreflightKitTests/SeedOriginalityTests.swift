import Foundation
import Testing
@testable import PreflightKit

/// The content is written in its own words: no run of eight words may match the seed document.
/// The seed is represented by hashes of its eight-word runs (Tests/Fixtures/seed-shingles.txt).
@Suite("Content originality")
struct SeedOriginalityTests {
    static let runLength = 8

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func runs(_ text: String) -> [(UInt64, String)] {
        let words = words(text)
        guard words.count >= runLength else { return [] }
        return (0...(words.count - runLength)).map { index in
            let run = words[index..<(index + runLength)].joined(separator: " ")
            return (fnv1a(run), run)
        }
    }

    static func isProse(_ run: String) -> Bool {
        run.split(separator: " ").filter { word in word.contains { $0.isLetter } && word.count > 1 }.count >= 5
    }

    @Test func theHashMatchesTheReferenceImplementation() {
        #expect(Self.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(Self.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func noEightWordRunOfTheSeedAppearsInContent() throws {
        let text = try String(contentsOfFile: Repository.fixture("seed-shingles.txt"), encoding: .utf8)
        let seed = Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { UInt64($0, radix: 16) })
        #expect(seed.count > 1000)
        let files = ContentLoader.walk(Repository.content).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }
        #expect(!files.isEmpty)
        for file in files {
            let contents = try String(contentsOfFile: Repository.content + "/" + file, encoding: .utf8)
            // Runs made mostly of numbers ("4 4 to 5 0 to 6 0") are version paths, not prose.
            for (hash, run) in Self.runs(contents) where seed.contains(hash) && Self.isProse(run) {
                Issue.record("Content/\(file) repeats the seed's words: “\(run)”")
            }
        }
    }
}
