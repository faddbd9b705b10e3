/// A reader of the generated documents.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case engineer
    case dba
    case devops
    case productManager = "product-manager"
    case customerSuccess = "customer-success"
    case researcher

    public var title: String {
        switch self {
        case .engineer: "Engineer"
        case .dba: "DBA"
        case .devops: "DevOps"
        case .productManager: "Product manager"
        case .customerSuccess: "Customer success"
        case .researcher: "Researcher"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// When in the migration an item matters; also the section order of the checklist.
public enum Phase: String, Sendable, CaseIterable, Codable, Comparable {
    case plan
    case beforeStaging = "before-staging"
    case staging
    case beforeCutover = "before-cutover"
    case cutover
    case afterCutover = "after-cutover"
    case rollback

    public var title: String {
        switch self {
        case .plan: "Plan"
        case .beforeStaging: "Before staging"
        case .staging: "In staging"
        case .beforeCutover: "Before cutover"
        case .cutover: "Cutover"
        case .afterCutover: "After cutover"
        case .rollback: "Rollback"
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

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
