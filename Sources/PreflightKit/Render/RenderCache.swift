import Foundation
import Mustache

/// Work shared across the profiles of one build: the same item body is parsed as a template once,
/// and the same Markdown is turned into HTML once, however many documents and profiles show it.
public final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [MarkdownKey: MustacheTemplate?] = [:]
    /// Text bytes behind `templates`; bounded like `html`, since texts assembled per profile differ.
    private var templateBytes = 0
    private var html: [MarkdownKey: String] = [:]
    /// Bytes held by `html`. Bodies with profile values in them differ per profile, so in a fleet of
    /// hundreds the cache would grow with every profile; past the budget, it is emptied and refilled.
    private var htmlBytes = 0
    static let htmlBudget = 24 << 20
    /// Larger Markdown (a whole generated table, a role's page) is particular to one document and
    /// not worth keeping.
    static let largestCached = 16 << 10

    /// Two XXH64 hashes with different seeds and the length: the cache holds no copy of the text,
    /// and a false match would need a 128-bit collision between texts of the same length.
    struct MarkdownKey: Hashable {
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

    public init() {}

    /// The compiled template for `text` (nil when it does not parse; validation reports that).
    func template(_ text: String) -> MustacheTemplate? {
        let key = MarkdownKey(text, unsafe: false)
        lock.lock()
        if let cached = templates[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let compiled = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        lock.lock()
        if templateBytes > Self.htmlBudget {
            templates.removeAll(keepingCapacity: true)
            templateBytes = 0
        }
        templates[key] = compiled
        templateBytes += text.utf8.count * 2 + 64
        lock.unlock()
        return compiled
    }

    /// GFM to HTML, remembered by the Markdown text and the safety setting.
    func gfm(_ markdown: String, unsafe: Bool) -> String {
        guard markdown.utf8.count <= Self.largestCached else { return GFM.html(markdown, unsafe: unsafe) }
        let key = MarkdownKey(markdown, unsafe: unsafe)
        lock.lock()
        if let cached = html[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let rendered = GFM.html(markdown, unsafe: unsafe)
        lock.lock()
        if htmlBytes > Self.htmlBudget {
            html.removeAll(keepingCapacity: true)
            htmlBytes = 0
        }
        html[key] = rendered
        htmlBytes += rendered.utf8.count + 64
        lock.unlock()
        return rendered
    }
}
