import Mustache

/// A document as an HTML page through the theme's Mustache templates (`document`, then `page`).
///
/// Markdown fragments go through cmark-gfm; every other value is escaped by Mustache's `{{…}}`.
public struct HTMLRenderer: Sendable {
    public var library: MustacheLibrary
    public var unsafeHTML: Bool
    /// Markdown converted once per build, however many documents and profiles show it.
    private static let converted = BoundedMemo<String>()
    /// Larger Markdown (a whole generated table, a role's page) is particular to one document and
    /// not worth keeping.
    static let largestCached = 16 << 10
    /// Whether the theme's `document` template could be cut at its section loop.
    let hasSectionSplit: Bool
    /// Documents with at least this many blocks convert their Markdown and render their sections in
    /// parallel (`Int.max`: never).
    public var blocksForParallelSections = HTMLRenderer.defaultBlocksForParallelSections

    public init(theme: Theme, unsafeHTML: Bool = false) throws {
        _ = HTMLEscaping.registration
        var library = MustacheLibrary()
        for (name, template) in theme.templates.sorted(by: { $0.key < $1.key }) {
            // The same escaping rules, applied faster; a theme's own pragma later in the file still wins.
            try library.register(HTMLEscaping.pragma + template.source, named: name)
        }
        if let document = theme.templates["document"], let split = Self.splitAtSections(document.source) {
            try library.register(HTMLEscaping.pragma + split.head, named: Self.headTemplate)
            try library.register(HTMLEscaping.pragma + split.section, named: Self.sectionTemplate)
            try library.register(HTMLEscaping.pragma + split.tail, named: Self.tailTemplate)
            hasSectionSplit = true
        } else {
            hasSectionSplit = false
        }
        self.library = library
        self.unsafeHTML = unsafeHTML
    }

    /// - Parameters:
    ///   - site: values every page shares (profile name, navigation), merged into the context.
    ///   - inProfile: false for the site index above the profile folders.
    public func render(_ document: Document, site: [String: String], navigation: [[String: String]],
                       inProfile: Bool = true) -> String {
        var (context, content) = renderContent(document, site: site, navigation: navigation)
        // The page template gets a marker and the content is spliced in afterwards: passing a page
        // of megabytes through Mustache again copied it and grew a second buffer of twice its size.
        context["content"] = Self.contentMarker
        context["in_profile"] = inProfile
        context["is_overview"] = document.path == "index" && inProfile
        guard let page = library.render(context, withTemplate: "page") else { return content }
        return Self.splice(content, into: page)
    }

    /// The document through the theme's `document` template alone, without the page around it: for
    /// a file that brings its own page, such as the single-file checklist.
    public func renderContent(_ document: Document) -> String {
        renderContent(document, site: [:], navigation: []).content
    }

    /// The document's content and the context it was rendered with, which the page template reuses.
    private func renderContent(_ document: Document, site: [String: String],
                               navigation: [[String: String]]) -> (context: [String: Any], content: String) {
        let depth = document.path.split(separator: "/").count - 1
        let root = String(repeating: "../", count: depth)
        var context: [String: Any] = site.merging(["title": document.title, "root": root]) { _, new in new }
        context["summary"] = document.summary ?? ""
        let blocks = document.sections.reduce(0) { $0 + $1.blocks.count }
        let sections = zip(document.sections, markdownHTML(document, blocks: blocks)).map { section($0, html: $1) }
        context["sections"] = sections
        // `current` is a Bool on every link: a missing or empty value would let Mustache find the
        // page's own `current` and mark every link as the current page.
        context["nav"] = navigation.map { link -> [String: Any] in
            ["title": link["title"] ?? "", "href": root + (link["href"] ?? ""), "current": link["href"] == document.path + ".html"]
        }
        let content = renderSectionsInParallel(context, sections: sections, blocks: blocks)
            ?? library.render(context, withTemplate: "document") ?? ""
        return (context, content)
    }

    static let contentMarker = "\u{1}preflight-content\u{1}"

    /// `page` with its first content marker replaced by `content`, in one allocation.
    static func splice(_ content: String, into page: String) -> String {
        guard let range = page.range(of: contentMarker) else { return page }
        var result = ""
        result.reserveCapacity(page.utf8.count + content.utf8.count)
        result += page[..<range.lowerBound]
        result += content
        result += page[range.upperBound...]
        return result
    }

    /// The HTML of every block's Markdown, by section and block (nil for a figure). A document of
    /// many blocks (a role view over thousands of items) converts them over all cores, straight
    /// through cmark: its fragments are rarely shared, and hashing, locking and storing each one cost
    /// as much as converting it. Small documents, which are most, go through the shared cache.
    func markdownHTML(_ document: Document, blocks: Int) -> [[String?]] {
        let texts = document.sections.map { $0.blocks.map(Self.markdown(of:)) }
        guard blocks >= blocksForParallelSections else {
            return texts.map { section in section.map { $0.map { gfm($0) } } }
        }
        let unsafe = unsafeHTML
        let flat = Array(texts.joined())
        let chunks = stride(from: 0, to: flat.count, by: 64).map { flat[$0..<min($0 + 64, flat.count)] }
        let converted = Array(parallelMap(chunks) { chunk in chunk.map { $0.map { GFM.html($0, unsafe: unsafe) } } }.joined())
        var offset = 0
        return texts.map { section in
            defer { offset += section.count }
            return Array(converted[offset..<offset + section.count])
        }
    }

    /// GFM to HTML, remembered by the Markdown and the safety setting when it is small enough to recur.
    func gfm(_ markdown: String) -> String {
        guard markdown.utf8.count <= Self.largestCached else { return GFM.html(markdown, unsafe: unsafeHTML) }
        return Self.converted.value(for: markdown, variant: unsafeHTML) { GFM.html(markdown, unsafe: unsafeHTML) }
    }

    /// The Markdown a block shows as HTML, if it has any.
    static func markdown(of block: Block) -> String? {
        switch block {
        case .markdown(let text): text
        case .task(let task): task.body
        case .entry(let entry): entry.body
        case .figure: nil
        }
    }

    private func section(_ section: Section, html: [String?]) -> [String: Any] {
        ["id": section.id, "title": section.title, "blocks": zip(section.blocks, html).map { block($0, html: $1 ?? "") }]
    }

    /// - Parameter html: the block's Markdown as HTML (empty for a figure).
    private func block(_ block: Block, html: String) -> [String: Any] {
        switch block {
        case .markdown:
            return ["markdown": html]
        case .task(let task):
            var values: [String: Any] = ["id": task.id, "title": task.title, "gate": task.gate,
                                         "body": html]
            if let owner = task.owner { values["owner"] = owner.title }
            if let estimate = task.estimate { values["estimate"] = estimate }
            if let number = task.number { values["number"] = number }
            if let clock = task.clock { values["clock"] = clock }
            if let thresholds = task.thresholds { values["thresholds"] = thresholds }
            values["evidence"] = task.evidence
            if let link = task.link { values["link"] = link }
            values["line"] = task.link != nil || task.oneLine
            values["overflow"] = task.overflow
            values["point_of_no_return"] = task.pointOfNoReturn
            values["commands"] = task.commands.map { command in
                ["title": command.title ?? "", "language": command.language, "code": command.code, "manual": command.manual ?? ""]
            }
            return ["task": values]
        case .figure(let svg, let caption, _):
            return ["figure": ["svg": svg, "caption": caption]]
        case .entry(let entry):
            var values: [String: Any] = ["id": entry.id, "title": entry.title, "summary": entry.summary ?? "",
                                         "body": html]
            if let severity = entry.severity { values["severity"] = severity.rawValue }
            values["sources"] = entry.sources.filter { $0.url.hasPrefix("https://") || $0.url.hasPrefix("http://") }
                .map { ["title": $0.title, "url": $0.url] }
            values["has_sources"] = !entry.sources.isEmpty
            return ["entry": values]
        }
    }
}
