/// The common mistakes applied to the profile itself.
///
/// A mistake item that tests a field for `absent` (say `rollback.triggers.error_rate: absent`)
/// describes what goes wrong when a team leaves that field out. When such a mistake applies, the
/// profile gets a warning naming the field, the mistake, and the guidance left out because the field
/// is missing: every item whose `when` needs the field. The lint is content, not code.
public struct ProfileLint: Sendable {
    public init() {}

    public struct Gap: Sendable {
        public var fields: [String]
        public var mistake: Item
        /// Items that would have been considered had the fields been stated.
        public var leftOut: [Item]
    }

    public func gaps(_ profile: Profile, content: ContentSet) -> [Gap] {
        let evaluator = ConditionEvaluator(profile: profile)
        var gaps: [Gap] = []
        // By index: a `for item in items` loop copies every item, and this runs for every profile.
        for index in content.items.indices where content.items[index].kind == .mistake {
            let mistake = content.items[index]
            let absent = Self.absentTests(mistake.when)
            guard !absent.isEmpty, evaluator.evaluate(mistake.when) else { continue }
            let leftOut = content.items.filter { item in
                item.kind != .mistake && !(content.guaranteedFields[item.id] ?? item.when.guaranteedFields).isDisjoint(with: absent)
            }
            gaps.append(Gap(fields: absent.sorted(), mistake: mistake, leftOut: leftOut))
        }
        return gaps.sorted { $0.mistake.id < $1.mistake.id }
    }

    public func diagnostics(_ profile: Profile, content: ContentSet) -> [Diagnostic] {
        gaps(profile, content: content).map { gap in
            let fields = gap.fields.map { "`\($0)`" }.joined(separator: ", ")
            let location = gap.fields.compactMap { Self.nearest($0, in: profile) }.first ?? profile.location
            var message = "the profile does not state \(fields): \(gap.mistake.title)"
            if !gap.leftOut.isEmpty {
                let names = gap.leftOut.prefix(3).map(\.id).joined(separator: ", ")
                message += "; \(gap.leftOut.count) item(s) that need it were left out (\(names)\(gap.leftOut.count > 3 ? ", …" : ""))"
            }
            return .warning(.profileGap, message, at: location,
                            hint: "add \(fields) to the profile (see `\(gap.mistake.id)` in the wiki's common mistakes)")
        }
    }

    /// Paths tested for `absent` at the top level of a condition.
    static func absentTests(_ condition: Condition) -> Set<String> {
        switch condition {
        case .all(let parts): return parts.reduce(into: Set<String>()) { $0.formUnion(absentTests($1)) }
        case .test(let test): return test.predicate == .absent ? [test.path] : []
        default: return []
        }
    }

    /// The location of the field's group in the profile (`rollback:` for `rollback.triggers.error_rate`).
    static func nearest(_ path: String, in profile: Profile) -> SourceLocation? {
        var parts = path.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let prefix = parts.joined(separator: ".")
            if let location = profile.locations.first(where: { $0.key.hasPrefix(prefix) })?.value { return location }
            parts.removeLast()
        }
        return nil
    }
}
