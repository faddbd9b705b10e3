import Foundation
import Mustache

/// Work shared across the profiles of one build: the same item body is parsed as a template once,
/// and the same Markdown is turned into HTML once, however many documents and profiles show it.
public final class RenderCache: @unchecked Sendable {
    // Unchecked: both memos lock their own state.
    /// Bodies with profile values in them differ per profile, so in a fleet of hundreds a cache would
    /// grow with every profile; past this many bytes a memo is emptied and refilled.
    static let budget = 24 << 20
    /// Larger Markdown (a whole generated table, a role's page) is particular to one document and
    /// not worth keeping.
    static let largestCached = 16 << 10

    private let templates = BoundedMemo<MustacheTemplate?>(budget: RenderCache.budget)
    private let html = BoundedMemo<String>(budget: RenderCache.budget)

    public init() {}

    /// The compiled template for `text` (nil when it does not parse; validation reports that).
    func template(_ text: String) -> MustacheTemplate? {
        templates.value(for: TextKey(text, unsafe: false), cost: text.utf8.count * 2) {
            try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        }
    }

    /// GFM to HTML, remembered by the Markdown text and the safety setting.
    func gfm(_ markdown: String, unsafe: Bool) -> String {
        guard markdown.utf8.count <= Self.largestCached else { return GFM.html(markdown, unsafe: unsafe) }
        // The HTML is a little larger than its Markdown; the cost is an estimate, not an account.
        return html.value(for: TextKey(markdown, unsafe: unsafe), cost: markdown.utf8.count * 2) {
            GFM.html(markdown, unsafe: unsafe)
        }
    }

    /// Two XXH64 hashes with different seeds and the length: a memo holds no copy of the text, and a
    /// false match would need a 128-bit collision between texts of the same length.
    struct TextKey: Hashable {
        var first: UInt64
        var second: UInt64
        var length: Int
        var unsafe: Bool

        init(_ text: String, unsafe: Bool) {
            var text = text
            (first, second) = text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                return (ContentHash.xxh64(raw, seed: 0), ContentHash.xxh64(raw, seed: 0x9E37_79B9_7F4A_7C15))
            }
            length = text.utf8.count
            self.unsafe = unsafe
        }
    }

    /// Values by text key behind a lock, emptied when their estimated size passes the budget. The
    /// value is computed outside the lock: two threads may compute the same one, never wait on it.
    private final class BoundedMemo<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [TextKey: Value] = [:]
        private var bytes = 0
        private let budget: Int

        init(budget: Int) { self.budget = budget }

        func value(for key: TextKey, cost: Int, compute: () -> Value) -> Value {
            if let cached = lock.withLock({ values[key] }) { return cached }
            let value = compute()
            lock.withLock {
                if bytes > budget {
                    values.removeAll(keepingCapacity: true)
                    bytes = 0
                }
                values[key] = value
                bytes += cost + 64
            }
            return value
        }
    }
}
