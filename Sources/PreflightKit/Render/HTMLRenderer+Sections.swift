import Mustache

/// Rendering the sections of a large document side by side.
///
/// A page of thousands of entries spent most of its time in one single-threaded Mustache walk. When
/// the theme's `document` template has its `{{#sections}}` loop on lines of its own, the template is
/// cut there into a head, the loop body and a tail; each section is rendered with the body on its own
/// core, and the parts are joined. Standalone tag lines render as nothing, so the result is byte for
/// byte what the loop would have produced; a section sees the document's values under its own, as it
/// would on Mustache's context stack.
extension HTMLRenderer {
    static let headTemplate = "preflight.document-head"
    static let sectionTemplate = "preflight.document-section"
    static let tailTemplate = "preflight.document-tail"

    /// Blocks from which a document is worth splitting; below it, one walk is faster than the joins.
    static let defaultBlocksForParallelSections = 256

    /// The `document` template cut at its section loop, or nil when the loop's tags do not stand alone
    /// (or there is no loop, or more than one).
    static func splitAtSections(_ source: String) -> (head: String, section: String, tail: String)? {
        // Every line keeps its own line end, so that the three parts join back into the source exactly.
        let pieces = source.split(separator: "\n", omittingEmptySubsequences: false)
        let lines: [String] = pieces.indices.map { String(pieces[$0]) + ($0 < pieces.count - 1 ? "\n" : "") }
        func stripped(_ line: String) -> String { line.trimmingSpaces }
        let opens = lines.indices.filter { stripped(lines[$0]) == "{{#sections}}" }
        let closes = lines.indices.filter { stripped(lines[$0]) == "{{/sections}}" }
        guard opens.count == 1, closes.count == 1, let open = opens.first, let close = closes.first, open < close,
              lines.filter({ $0.contains("sections}}") }).count == 2 else { return nil }
        let tail = lines[(close + 1)...].joined()
        return (lines[..<open].joined(), lines[(open + 1)..<close].joined(), tail)
    }

    /// The document's content with its sections rendered in parallel, or nil to take the single walk.
    func renderSectionsInParallel(_ context: [String: Any], sections: [[String: Any]], blocks: Int) -> String? {
        guard hasSectionSplit, sections.count >= 2, blocks >= blocksForParallelSections else { return nil }
        let contexts = sections.map { section in UncheckedContext(context.merging(section) { _, own in own }) }
        let parts = parallelMap(contexts) { library.render($0.value, withTemplate: Self.sectionTemplate) ?? "" }
        guard let head = library.render(context, withTemplate: Self.headTemplate),
              let tail = library.render(context, withTemplate: Self.tailTemplate) else { return nil }
        var content = ""
        content.reserveCapacity(head.utf8.count + tail.utf8.count + parts.reduce(0) { $0 + $1.utf8.count })
        content += head
        for part in parts { content += part }
        content += tail
        return content
    }

    /// Mustache takes `Any`; the dictionaries are built for one render and never mutated.
    struct UncheckedContext: @unchecked Sendable {
        let value: [String: Any]
        init(_ value: [String: Any]) { self.value = value }
    }
}
