/// What a strategy needs, what rules it out, and how its downtime and data loss follow from a profile.
public struct StrategySpec: Sendable {
    /// Every tool must be usable: not listed as unavailable, and listed as available when the profile has an inventory.
    public var tools: [String] = []
    /// At least one of these tools must be usable.
    public var anyTools: [String] = []
    /// The target hosting must be one of these when the profile states it.
    public var hosting: [String] = []
    /// Topology needs in words, shown to the reader.
    public var topology: String?
    public var excludes: [Exclusion] = []
    /// How long writes are unavailable.
    public var downtime: Estimate?
    /// How much committed data the strategy can lose.
    public var rpo: TimeSpan?
    public var pros: [String] = []
    public var cons: [String] = []
    /// The strategy's own steps; nil for a strategy that only compares (its plan has no cutover).
    public var procedure: Procedure?

    public struct Exclusion: Sendable {
        public var when: Condition
        public var reason: String
    }

    public init() {}
}
