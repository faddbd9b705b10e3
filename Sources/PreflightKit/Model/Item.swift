/// One piece of curated guidance: a file of `Content/` with YAML front matter and a GFM body.
public struct Item: Sendable, Identifiable {
    public var id: String
    public var kind: Kind
    public var title: String
    public var summary: String?
    public var when: Condition = .always
    /// Readers the item is for; empty means every reader.
    public var roles: [Role] = []
    public var phase: Phase?
    public var severity: Severity?
    /// How likely the problem is for profiles the item applies to; risks without it count as medium.
    public var likelihood: Likelihood?
    public var tags: [String] = []
    public var related: [String] = []
    public var sources: [Citation] = []
    /// The month someone last checked the item against its sources (`reviewed: 2026-12`).
    public var reviewed: CalendarDate?
    /// The date the item's dated facts (end of life, minimum versions, prices) hold on (`as_of`).
    public var asOf: CalendarDate?
    /// GFM with Mustache variables over the profile.
    public var body = ""
    /// Sort key inside a phase or a page; lower first, then by id.
    public var order = 100
    public var owner: Role?
    public var estimate: Estimate?
    public var gate = false
    /// After this step a rollback costs more than finishing (marked in the runbook).
    public var pointOfNoReturn = false
    public var commands: [Command] = []
    /// A strategy's requirements, exclusions and timings.
    public var strategy: StrategySpec?
    /// Kind-specific keys that later stages read (a strategy's requirements, a criterion's check).
    public var extras: [String: YAMLValue] = [:]
    /// Where the file is, where its body starts, and where each front-matter key was written.
    public var file: String
    public var bodyLine = 1
    public var keyLocations: [String: SourceLocation] = [:]

    public init(id: String, kind: Kind, title: String, file: String) {
        self.id = id
        self.kind = kind
        self.title = title
        self.file = file
    }

    /// The location of `key`, or of the file when the key was not written.
    public func location(of key: String) -> SourceLocation {
        keyLocations[key] ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// Whether `role` is among the item's readers.
    public func isFor(_ role: Role) -> Bool { roles.isEmpty || roles.contains(role) }
}

/// A YAML value kept as data, for keys whose meaning belongs to a later stage.
public indirect enum YAMLValue: Sendable, Hashable {
    case scalar(String)
    case list([YAMLValue])
    case map([String: YAMLValue])
    case null

    public var string: String? {
        if case .scalar(let value) = self { return value }
        return nil
    }
}
