import Foundation

/// `explain.json`: every item's verdict for a profile, so that a reviewer can audit the selection.
public struct ExplainReport: Sendable, Encodable {
    public var profile: String
    public var readers: [String]
    public var items: [Entry]

    public struct Entry: Sendable, Encodable {
        public var id: String
        public var kind: String
        public var included: Bool
        public var forReaders: Bool
        public var tests: [Test]
    }

    public struct Test: Sendable, Encodable {
        public var test: String
        public var passed: Bool
        /// nil when the profile does not state the field.
        public var profile: String?
    }

    public init(_ selection: Selection) {
        profile = selection.profile.id
        readers = selection.readers.map(\.rawValue)
        items = selection.decisions.map { decision in
            Entry(id: decision.item.id, kind: decision.item.kind.rawValue, included: decision.included,
                  forReaders: decision.forReaders,
                  tests: decision.trace.map {
                      Test(test: String(repeating: "  ", count: $0.depth) + $0.label, passed: $0.passed, profile: $0.actual)
                  })
        }.sorted { $0.id < $1.id }
    }

    /// Pretty, key-sorted JSON: stable bytes for identical inputs.
    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [UInt8(ascii: "\n")]
    }
}
