extension Condition {
    /// Fields every profile that satisfies this condition states: those tested at the top level
    /// (outside `any` and `not`) by anything but `absent`, plus the fields every profile has.
    public var guaranteedFields: Set<String> {
        var fields = Condition.alwaysPresent
        collect(into: &fields)
        return fields
    }

    /// Required or derived for every loaded profile.
    static let alwaysPresent: Set<String> = [
        "id", "name", "source.engine", "target.engine", "source.family", "target.family", "migration.cross_engine",
    ]

    private func collect(into fields: inout Set<String>) {
        switch self {
        case .all(let parts): for part in parts { part.collect(into: &fields) }
        case .any, .not: break
        case .test(let test):
            if test.predicate.requiresPresence { fields.insert(test.path) }
        }
    }
}

extension Predicate {
    /// Whether a value satisfying the predicate must exist.
    var requiresPresence: Bool {
        switch self {
        case .absent: false
        case .anyOf(let options): options.allSatisfy(\.requiresPresence)
        default: true
        }
    }
}
