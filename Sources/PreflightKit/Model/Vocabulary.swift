/// Names the content knows: engines with their aliases and families, and the accepted values of
/// free-text profile fields. Loaded from `vocabulary.yml` at the root of the content folder, so that
/// adding an engine is a content change, not a code change.
public struct Vocabulary: Sendable {
    public struct Engine: Sendable, Hashable {
        public var id: String
        public var name: String
        public var family: String
        public var aliases: [String]
        /// Release series an in-place upgrade must step through one at a time (MongoDB, MySQL), oldest first.
        public var upgradePath: [Version]
        /// Where the vendor documents that path.
        public var upgradeSource: String?

        public init(id: String, name: String, family: String, aliases: [String], upgradePath: [Version] = [],
                    upgradeSource: String? = nil) {
            self.id = id
            self.name = name
            self.family = family
            self.aliases = aliases
            self.upgradePath = upgradePath
            self.upgradeSource = upgradeSource
        }
    }

    public var engines: [String: Engine]
    /// Accepted values per field path, such as `window.mode: [read-only, offline, online]`.
    public var values: [String: [String]]
    /// Other names people write for a value (`efcore`: EF Core, Entity Framework Core), used when
    /// looking for a profile value in free text such as an AI-written plan.
    public var terms: [String: [String]]
    /// The engine family each code-block language belongs to (`tsql`: sqlserver); languages not
    /// listed (`shell`, `sql`) belong to none.
    public var languages: [String: String] = [:]
    /// The words that name each family in text (`sqlserver`: SQL Server, Azure SQL).
    public var familyWords: [String: [String]] = [:]
    /// The environment variables runbook commands may read, each with what it holds
    /// (`SOURCE_URL`: the source database as a libpq URL). A command reading another is not runnable.
    public var environment: [String: String] = [:]
    /// Other words people write for a field's values, by field: `aws-rds` → `[rds]`; a word with
    /// several candidates (`azure`) is ambiguous and the profile must pick one.
    public var valueAliases: [String: [String: [String]]] = [:]

    /// The accepted value a word stands for in a field: itself when accepted, its one alias, or the
    /// candidates of an ambiguous word; nil when the field has no list of values.
    public func resolve(_ word: String, in path: String) -> ValueResolution? {
        guard let allowed = values[path] else { return nil }
        if allowed.contains(word) { return .value(word) }
        let key = word.lowercased()
        if let exact = allowed.first(where: { $0.lowercased() == key }) { return .value(exact) }
        switch valueAliases[path]?[key] {
        case let candidates? where candidates.count == 1: return .value(candidates[0])
        case let candidates? where candidates.count > 1: return .ambiguous(candidates)
        default: return .unknown(allowed)
        }
    }

    public enum ValueResolution: Sendable, Equatable {
        case value(String)
        case ambiguous([String])
        case unknown([String])
    }
    private var aliasIndex: [String: String]

    public init(engines: [Engine] = [], values: [String: [String]] = [:], terms: [String: [String]] = [:]) {
        self.terms = terms
        self.engines = Dictionary(engines.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.values = values
        var index: [String: String] = [:]
        for engine in engines {
            index[engine.id.lowercased()] = engine.id
            for alias in engine.aliases { index[alias.lowercased()] = engine.id }
        }
        self.aliasIndex = index
    }

    /// The canonical id for an engine name or alias (`pg` → `postgresql`).
    public func canonicalEngine(_ name: String) -> String? { aliasIndex[name.lowercased()] }

    /// Display name (`PostgreSQL`), or the id itself when unknown.
    public func displayName(_ engine: String) -> String { engines[engine]?.name ?? engine }

    public func family(of engine: String) -> String { engines[engine]?.family ?? engine }

    public var engineNamesAndAliases: [String] { aliasIndex.keys.sorted() }
}
