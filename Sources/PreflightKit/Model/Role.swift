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
