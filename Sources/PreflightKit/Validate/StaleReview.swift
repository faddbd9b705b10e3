/// The items nobody has checked against their sources within a span, grouped by engine: what
/// `preflight check --stale 12mo` lists, so that reviews can be shared out by engine.
public struct StaleReview: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var file: String
        /// Nil when the item never says.
        public var reviewed: CalendarDate?
    }

    public struct Group: Sendable {
        /// An engine family (`postgresql`), or `general` for items that serve every engine.
        public var engine: String
        /// Oldest review first; items without one lead.
        public var entries: [Entry]
    }

    public var span: MonthSpan
    public var today: CalendarDate
    public var groups: [Group]

    /// The earliest month a review may date from and still count: `span` months before this month.
    /// Months are compared whole, since a review names only its month.
    public var oldestFresh: CalendarDate { today.monthOnly.adding(months: -span.months) }

    public var count: Int { groups.reduce(0) { $0 + $1.entries.count } }

    public init(_ content: ContentSet, span: MonthSpan, today: CalendarDate) {
        self.span = span
        self.today = today
        let cutoff = today.monthOnly.adding(months: -span.months).monthNumber
        var byEngine: [String: [Entry]] = [:]
        for item in content.items where (item.reviewed?.monthNumber ?? Int.min) < cutoff {
            let entry = Entry(id: item.id, file: item.file, reviewed: item.reviewed)
            byEngine[Self.engine(of: item, in: content), default: []].append(entry)
        }
        groups = byEngine.map { engine, entries in
            Group(engine: engine, entries: entries.sorted {
                ($0.reviewed?.monthNumber ?? Int.min, $0.id) < ($1.reviewed?.monthNumber ?? Int.min, $1.id)
            })
        }
        .sorted { ($0.engine == Self.general ? 1 : 0, $0.engine) < ($1.engine == Self.general ? 1 : 0, $1.engine) }
    }

    static let general = "general"

    /// The folder under `engines/` of its layer the item sits in; else the one engine family its `when` names,
    /// the source's before the target's; else `general`.
    static func engine(of item: Item, in content: ContentSet) -> String {
        let relative = content.layers.locate(item.file)?.relative ?? item.file
        let parts = relative.split(separator: "/")
        if parts.count > 2, parts[0] == "engines" { return String(parts[1]) }
        for side in ["source", "target"] {
            let named = Set(topLevelTests(item.when).filter { $0.path == side + ".family" || $0.path == side + ".engine" }
                .flatMap { engines(in: $0.predicate) }.map { content.vocabulary.family(of: $0) })
            if named.count == 1, let family = named.first { return family }
        }
        return general
    }

    static func topLevelTests(_ condition: Condition) -> [FieldTest] {
        switch condition {
        case .test(let test): [test]
        case .all(let parts): parts.flatMap(topLevelTests)
        default: []
        }
    }

    /// The engines an equality names: one, or every entry of a list of them.
    static func engines(in predicate: Predicate) -> [String] {
        switch predicate {
        case .equals(.engine(let engine)): [engine]
        case .anyOf(let options): options.flatMap(engines)
        default: []
        }
    }
}
