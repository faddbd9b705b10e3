/// Which items apply to one profile and audience, and why each one is in or out.
public struct Selection: Sendable {
    public var profile: Profile
    /// The readers the documents are built for.
    public var readers: [Role]
    public let decisions: [Decision]
    /// Included items, in a stable order: kind, phase, `order`, id. Stored, not computed: every
    /// builder asks for it, and filtering ten thousand decisions each time showed in profiles.
    public let included: [Item]

    public init(profile: Profile, readers: [Role], decisions: [Decision]) {
        self.profile = profile
        self.readers = readers
        self.decisions = decisions
        included = decisions.filter(\.included).map(\.item)
    }

    /// The verdict on one item.
    public struct Decision: Sendable {
        public var item: Item
        public var conditionHolds: Bool
        /// Whether any of the audience's readers is among the item's roles.
        public var forReaders: Bool
        public var trace: [ConditionEvaluator.Trace]

        public var included: Bool { conditionHolds && forReaders }
    }


    public func decision(for id: String) -> Decision? { decisions.first { $0.item.id == id } }
}

/// Evaluates every item of a content set against a profile.
public struct Selector: Sendable {
    public init() {}

    /// - Parameter readers: the audience; the profile's `roles`, or every role, when nil.
    public func select(_ content: ContentSet, for profile: Profile, readers: [Role]? = nil) -> Selection {
        let audience = readers ?? profile.readers
        let evaluator = ConditionEvaluator(profile: profile)
        let decisions = content.selectionOrder.map { item in
            let (holds, trace) = evaluator.explain(item.when)
            let forReaders = item.roles.isEmpty || item.roles.contains { audience.contains($0) }
            return Selection.Decision(item: item, conditionHolds: holds, forReaders: forReaders, trace: trace)
        }
        return Selection(profile: profile, readers: audience, decisions: decisions)
    }
}
