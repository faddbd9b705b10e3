/// A document the assemble stage builds and the render stage turns into Markdown and HTML.
/// It holds no presentation: headings, Markdown fragments and tasks only.
public struct Document: Sendable {
    /// Output path without extension, relative to the profile folder: `checklist`, `wiki/Home`.
    public var path: String
    public var title: String
    public var summary: String?
    public var sections: [Section]
    public var formats: Set<Format>

    public enum Format: String, Sendable, Hashable, CaseIterable {
        case markdown, html
    }

    public init(path: String, title: String, summary: String? = nil, sections: [Section] = [], formats: Set<Format>) {
        self.path = path
        self.title = title
        self.summary = summary
        self.sections = sections
        self.formats = formats
    }
}

/// A titled part of a document; its id is the HTML anchor.
public struct Section: Sendable {
    public var id: String
    public var title: String
    public var blocks: [Block]

    public init(id: String, title: String, blocks: [Block] = []) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

public enum Block: Sendable {
    /// GFM that both renderers pass on (HTML through cmark-gfm).
    case markdown(String)
    /// A checklist step.
    case task(TaskEntry)
    /// A guidance item shown in full.
    case entry(GuidanceEntry)
    /// A chart: inline SVG in HTML, an image link to `file` in Markdown.
    case figure(svg: String, caption: String, file: String)
}

/// A step as the reader ticks it off (checklist) or carries it out in order (runbook).
public struct TaskEntry: Sendable {
    public var id: String
    public var title: String
    public var owner: Role?
    public var estimate: String?
    public var gate: Bool
    public var body: String
    public var commands: [Command]
    /// Runbook numbering such as `3` or `R2`; nil in checklists.
    public var number: String? = nil
    /// Running clock against the window, such as `T+0:05 → T+0:08 (02:05–02:08)`.
    public var clock: String? = nil
    /// The step ends after the window closes.
    public var overflow: Bool = false
    /// After this step, going back costs more than going on.
    public var pointOfNoReturn: Bool = false
    /// The profile's rollback thresholds, stated at the go/no-go gates they govern.
    public var thresholds: String? = nil
    /// What `inspect` measured that concerns this step: `measured …: 3 tables without a primary key: … — NO-GO …`.
    public var evidence: [String] = []
    /// Where the step's full text and commands are (the runbook's step), for one-line checklists.
    public var link: String? = nil
    /// Shown on one line like a linked step, though nothing links it: a checklist read on its own.
    public var oneLine: Bool = false

    public init(id: String, title: String, owner: Role?, estimate: String?, gate: Bool, body: String,
                commands: [Command]) {
        self.id = id
        self.title = title
        self.owner = owner
        self.estimate = estimate
        self.gate = gate
        self.body = body
        self.commands = commands
    }
}

/// An item rendered for reading: title, severity, body and sources.
public struct GuidanceEntry: Sendable {
    public var id: String
    public var title: String
    public var summary: String?
    public var severity: Severity?
    public var body: String
    public var sources: [Citation]
    /// Related items, as (title, link) pairs resolved by the assembler.
    public var related: [(title: String, link: String)]
}
