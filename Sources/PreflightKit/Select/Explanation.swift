/// `preflight explain`: an item's verdict for a profile, test by test, as text and as JSON data.
public struct Explanation: Sendable {
    public var decision: Selection.Decision
    public var profile: Profile
    public var readers: [Role]
    /// Which layer of the content the item comes from and what it replaced, as a line of text
    /// (see `ItemOrigin.text(in:)`); nil leaves the line out.
    public var origin: String?

    public init(decision: Selection.Decision, profile: Profile, readers: [Role], origin: String? = nil) {
        self.decision = decision
        self.profile = profile
        self.readers = readers
        self.origin = origin
    }

    /// Lines such as `  ✓ target.version: >=15 (profile: 15.5)`.
    public var text: String {
        let item = decision.item
        var lines = ["\(item.id): \(decision.included ? "included" : "excluded") for profile `\(profile.id)`",
                     "  \(item.kind.rawValue) · \(item.title)", "  \(item.file)"]
        if let origin { lines.append("  \(origin)") }
        if decision.trace.isEmpty {
            lines.append("  ✓ no conditions: applies to every profile")
        }
        for line in decision.trace {
            let indent = String(repeating: "  ", count: line.depth + 1)
            let mark = line.passed ? "✓" : "✗"
            if line.isTest {
                let actual = line.actual.map { "profile: \($0)" } ?? "not stated in profile"
                lines.append("\(indent)\(mark) \(line.label) (\(actual))")
            } else {
                lines.append("\(indent)\(mark) \(line.label)")
            }
        }
        let audience = readers.map(\.rawValue).joined(separator: ", ")
        if decision.item.roles.isEmpty {
            lines.append("  ✓ roles: every reader (audience: \(audience))")
        } else {
            let roles = decision.item.roles.map(\.rawValue).joined(separator: ", ")
            lines.append("  \(decision.forReaders ? "✓" : "✗") roles: \(roles) (audience: \(audience))")
        }
        return lines.joined(separator: "\n")
    }
}
