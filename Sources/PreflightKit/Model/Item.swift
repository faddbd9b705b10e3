/// One piece of curated guidance: a file of `Content/` with YAML front matter and a GFM body.
///
/// The fields live in one shared box that is copied only when a shared item is changed: items are
/// copied into every profile's selection and most documents, and copying two dozen fields each
/// time (a retain for every string and array) showed as a tenth of a large build.
public struct Item: Sendable, Identifiable {
    private final class Fields: @unchecked Sendable {
        // Unchecked, and unchecked exclusivity: a box is mutated only while uniquely referenced
        // (see `fields`), so no access can overlap a write; the dynamic checks cost more than the reads.
        @exclusivity(unchecked) var id: String
        @exclusivity(unchecked) var kind: Kind
        @exclusivity(unchecked) var title: String
        @exclusivity(unchecked) var summary: String?
        @exclusivity(unchecked) var when: Condition
        @exclusivity(unchecked) var roles: [Role]
        @exclusivity(unchecked) var phase: Phase?
        @exclusivity(unchecked) var severity: Severity?
        @exclusivity(unchecked) var likelihood: Likelihood?
        @exclusivity(unchecked) var tags: [String]
        @exclusivity(unchecked) var related: [String]
        @exclusivity(unchecked) var sources: [Citation]
        @exclusivity(unchecked) var body: String
        @exclusivity(unchecked) var order: Int
        @exclusivity(unchecked) var owner: Role?
        @exclusivity(unchecked) var estimate: Estimate?
        @exclusivity(unchecked) var gate: Bool
        @exclusivity(unchecked) var pointOfNoReturn: Bool
        @exclusivity(unchecked) var commands: [Command]
        @exclusivity(unchecked) var strategy: StrategySpec?
        @exclusivity(unchecked) var extras: [String: YAMLValue]
        @exclusivity(unchecked) var file: String
        @exclusivity(unchecked) var bodyLine: Int
        @exclusivity(unchecked) var keyLocations: [String: SourceLocation]

        init(id: String, kind: Kind, title: String, file: String) {
            self.id = id
            self.kind = kind
            self.title = title
            self.summary = nil
            self.when = .always
            self.roles = []
            self.phase = nil
            self.severity = nil
            self.likelihood = nil
            self.tags = []
            self.related = []
            self.sources = []
            self.body = ""
            self.order = 100
            self.owner = nil
            self.estimate = nil
            self.gate = false
            self.pointOfNoReturn = false
            self.commands = []
            self.strategy = nil
            self.extras = [:]
            self.file = file
            self.bodyLine = 1
            self.keyLocations = [:]
        }

        init(copying other: Fields) {
            id = other.id
            kind = other.kind
            title = other.title
            summary = other.summary
            when = other.when
            roles = other.roles
            phase = other.phase
            severity = other.severity
            likelihood = other.likelihood
            tags = other.tags
            related = other.related
            sources = other.sources
            body = other.body
            order = other.order
            owner = other.owner
            estimate = other.estimate
            gate = other.gate
            pointOfNoReturn = other.pointOfNoReturn
            commands = other.commands
            strategy = other.strategy
            extras = other.extras
            file = other.file
            bodyLine = other.bodyLine
            keyLocations = other.keyLocations
        }
    }

    private var box: Fields

    /// The box, copied first if another item shares it.
    private var fields: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Fields(copying: box) }
            return box
        }
    }

    public var id: String {
        get { box.id }
        set { fields.id = newValue }
    }
    public var kind: Kind {
        get { box.kind }
        set { fields.kind = newValue }
    }
    public var title: String {
        get { box.title }
        set { fields.title = newValue }
    }
    public var summary: String? {
        get { box.summary }
        set { fields.summary = newValue }
    }
    public var when: Condition {
        get { box.when }
        set { fields.when = newValue }
    }
    /// Readers the item is for; empty means every reader.
    public var roles: [Role] {
        get { box.roles }
        set { fields.roles = newValue }
    }
    public var phase: Phase? {
        get { box.phase }
        set { fields.phase = newValue }
    }
    public var severity: Severity? {
        get { box.severity }
        set { fields.severity = newValue }
    }
    /// How likely the problem is for profiles the item applies to; risks without it count as medium.
    public var likelihood: Likelihood? {
        get { box.likelihood }
        set { fields.likelihood = newValue }
    }
    public var tags: [String] {
        get { box.tags }
        set { fields.tags = newValue }
    }
    public var related: [String] {
        get { box.related }
        set { fields.related = newValue }
    }
    public var sources: [Citation] {
        get { box.sources }
        set { fields.sources = newValue }
    }
    /// GFM with Mustache variables over the profile.
    public var body: String {
        get { box.body }
        set { fields.body = newValue }
    }
    /// Sort key inside a phase or a page; lower first, then by id.
    public var order: Int {
        get { box.order }
        set { fields.order = newValue }
    }
    public var owner: Role? {
        get { box.owner }
        set { fields.owner = newValue }
    }
    public var estimate: Estimate? {
        get { box.estimate }
        set { fields.estimate = newValue }
    }
    public var gate: Bool {
        get { box.gate }
        set { fields.gate = newValue }
    }
    /// After this step a rollback costs more than finishing (marked in the runbook).
    public var pointOfNoReturn: Bool {
        get { box.pointOfNoReturn }
        set { fields.pointOfNoReturn = newValue }
    }
    public var commands: [Command] {
        get { box.commands }
        set { fields.commands = newValue }
    }
    /// A strategy's requirements, exclusions and timings.
    public var strategy: StrategySpec? {
        get { box.strategy }
        set { fields.strategy = newValue }
    }
    /// Kind-specific keys that later stages read (a strategy's requirements, a criterion's check).
    public var extras: [String: YAMLValue] {
        get { box.extras }
        set { fields.extras = newValue }
    }
    /// Where the file is, where its body starts, and where each front-matter key was written.
    public var file: String {
        get { box.file }
        set { fields.file = newValue }
    }
    public var bodyLine: Int {
        get { box.bodyLine }
        set { fields.bodyLine = newValue }
    }
    public var keyLocations: [String: SourceLocation] {
        get { box.keyLocations }
        set { fields.keyLocations = newValue }
    }

    public init(id: String, kind: Kind, title: String, file: String) {
        box = Fields(id: id, kind: kind, title: title, file: file)
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
