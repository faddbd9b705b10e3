/// Everything loaded from a content folder: the items, the vocabulary, the theme, the example profiles.
public struct ContentSet: Sendable {
    /// The folder as the user named it.
    public var root: String
    public let items: [Item]
    /// `items` in selection order (kind, phase, `order`, id), sorted once rather than per profile.
    public let selectionOrder: [Item]
    /// The fields each item's `when` guarantees, by id: profile lint asks for every item per profile.
    public let guaranteedFields: [String: Set<String>]
    /// Items by id; the first of a duplicate pair wins (validation reports the pair). Built once:
    /// the plan rules look items up for every step of every profile, and rebuilding the dictionary
    /// on each lookup made `check` of a 100,000-row inventory take minutes.
    public let itemsByID: [String: Item]
    public var vocabulary: Vocabulary
    public var theme: Theme
    /// How likely each risk is, by profile facts (`risks.yml`).
    public var riskRules = RiskRules()
    /// What `inspect` asks a live database (`probes/`), in file order.
    public var probes: [Probe] = []
    /// The release `knowledge-base.yml` names; nil when the folder has none.
    public var release: KnowledgeBaseRelease?
    /// Profile files under `profiles/`, relative paths joined to `root`, sorted.
    public var profilePaths: [String]

    public init(root: String, items: [Item], vocabulary: Vocabulary, theme: Theme, profilePaths: [String]) {
        self.root = root
        self.items = items
        selectionOrder = items.sorted { lhs, rhs in
            (lhs.kind, lhs.phase ?? .plan, lhs.order, lhs.id) < (rhs.kind, rhs.phase ?? .plan, rhs.order, rhs.id)
        }
        guaranteedFields = Dictionary(items.map { ($0.id, $0.when.guaranteedFields) }, uniquingKeysWith: { first, _ in first })
        itemsByID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.vocabulary = vocabulary
        self.theme = theme
        self.profilePaths = profilePaths
    }
}

/// The theme: Mustache templates by name and static files copied to every output.
public struct Theme: Sendable {
    /// Template source by name (file name without `.mustache`), with the file it came from.
    public var templates: [String: (source: String, file: String)]
    /// Static assets by path relative to `theme/static/`.
    public var assets: [String: [UInt8]]
    /// The documents' own words, from `theme/strings.yml`.
    public var strings: Strings

    public init(templates: [String: (source: String, file: String)] = [:], assets: [String: [UInt8]] = [:],
                strings: Strings = Strings()) {
        self.templates = templates
        self.assets = assets
        self.strings = strings
    }
}
