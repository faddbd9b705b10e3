/// An item's `when`: a tree of tests on profile fields. All entries of a mapping must hold.
public indirect enum Condition: Sendable, Hashable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case test(FieldTest)

    /// The condition that always holds (an item without `when`).
    public static let always = Condition.all([])
}

/// One test on one profile field, such as `target.version: ">=15"`.
public struct FieldTest: Sendable, Hashable {
    public var path: String
    public var predicate: Predicate
    /// As the author wrote it, for explanations.
    public var written: String
    public var location: SourceLocation

    public init(path: String, predicate: Predicate, written: String, location: SourceLocation) {
        self.path = path
        self.predicate = predicate
        self.written = written
        self.location = location
    }
}

/// What a field value must satisfy.
public indirect enum Predicate: Sendable, Hashable {
    /// Equal (engines by alias, versions at the written precision); on a list field, "contains".
    case equals(FieldValue)
    case compare(ComparisonOperator, FieldValue)
    /// `lower..<upper` or `lower...upper`.
    case range(FieldValue, FieldValue, inclusive: Bool)
    case present
    case absent
    /// Any one of the listed predicates (a YAML list).
    case anyOf([Predicate])
}

public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case notEqual = "!="
    case equal = "=="
    case less = "<"
    case greater = ">"

    /// Whether the operator needs an ordered type.
    public var needsOrder: Bool { self != .equal && self != .notEqual }
}
