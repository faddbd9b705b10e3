/// How much harm follows from ignoring an item.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high, critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How likely a risk is to happen.
public enum Likelihood: String, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high

    public static func < (lhs: Likelihood, rhs: Likelihood) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
