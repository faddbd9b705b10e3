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
