/// Which front-matter keys each kind of item may carry.
public enum ItemSchema {
    /// Keys every item may carry.
    public static let common: [String] = [
        "id", "kind", "title", "summary", "when", "roles", "phase", "severity", "likelihood", "tags", "related", "sources",
        "order", "reviewed", "as_of",
    ]

    /// Keys only some kinds carry. Their meaning is read by later stages (strategy advisor, review).
    public static let specific: [Kind: [String]] = [
        .step: ["owner", "estimate", "gate", "point_of_no_return", "commands"],
        .strategy: ["requires", "excludes", "downtime", "rpo", "pros", "cons", "procedure"],
        .criterion: ["check", "weight"],
        .notice: ["channel", "subject"],
        .promptRule: ["section", "line"],
    ]

    public static func allowedKeys(for kind: Kind?) -> [String] {
        common + (kind.flatMap { specific[$0] } ?? [])
    }

    /// Keys that make no sense without a value.
    public static let required: [String] = ["kind", "title"]

    /// Ids become file names and URL fragments, so they are restricted to a portable slug.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first) else {
            return false
        }
        return id.count <= 120 && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        } && !id.contains("..")
    }
}
