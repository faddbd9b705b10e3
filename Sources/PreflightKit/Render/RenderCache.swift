import Foundation
import Mustache

/// Work shared across the profiles of one build: the same item body is parsed as a template once,
/// and the same Markdown is turned into HTML once, however many documents and profiles show it.
public final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: MustacheTemplate?] = [:]
    private var html: [String: String] = [:]

    public init() {}

    /// The compiled template for `text` (nil when it does not parse; validation reports that).
    func template(_ text: String) -> MustacheTemplate? {
        lock.lock()
        if let cached = templates[text] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let compiled = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        lock.lock()
        templates[text] = compiled
        lock.unlock()
        return compiled
    }

    /// GFM to HTML, remembered by the Markdown text and the safety setting.
    func gfm(_ markdown: String, unsafe: Bool) -> String {
        let key = unsafe ? "\u{1}" + markdown : markdown
        lock.lock()
        if let cached = html[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let rendered = GFM.html(markdown, unsafe: unsafe)
        lock.lock()
        html[key] = rendered
        lock.unlock()
        return rendered
    }
}
