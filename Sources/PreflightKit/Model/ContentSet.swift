/// Everything loaded from a content folder and the overlays laid over it: the items, the vocabulary,
/// the theme, the example profiles.
public struct ContentSet: Sendable {
    /// The base folder and the overlays, as the user named them.
    public var layers: ContentLayers
    /// The base folder.
    public var root: String { layers.base }
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
    /// The release `knowledge-base.yml` of the base names; nil when it has none.
    public var release: KnowledgeBaseRelease?
    /// Profile files under `profiles/` of each layer, relative paths joined to the layer's folder,
    /// sorted within a layer, the base's first.
    public var profilePaths: [String]
    /// Where the items and probes that do not come from the base came from, by id; an id that is
    /// absent here comes from the base and replaced nothing.
    public var origins: [String: ItemOrigin] = [:]
    /// Where an overlay's `overlay.yml` disabled each id that no layer above defines again.
    public var disabled: [String: SourceLocation] = [:]

    public init(root: String, items: [Item], vocabulary: Vocabulary, theme: Theme, profilePaths: [String]) {
        self.init(layers: ContentLayers(base: root), items: items, vocabulary: vocabulary, theme: theme, profilePaths: profilePaths)
    }

    public init(layers: ContentLayers, items: [Item], vocabulary: Vocabulary, theme: Theme, profilePaths: [String]) {
        self.layers = layers
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

    /// The layer an item or probe comes from, and what it replaced.
    public func origin(of id: String) -> ItemOrigin { origins[id] ?? ItemOrigin(layer: 0) }
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
