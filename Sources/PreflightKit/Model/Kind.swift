/// What a content item is; decides which front-matter keys it may carry and where it appears.
public enum Kind: String, Sendable, CaseIterable, Codable, Comparable {
    case mistake
    case troubleshooting
    case tip
    case engineNote = "engine-note"
    case faq
    case criterion
    case concept
    case whenNot = "when-not"
    case step
    case strategy
    case notice
    case promptRule = "prompt-rule"

    /// Kinds that are reader-facing guidance and get a wiki page of their own.
    public static let guidance: [Kind] = [
        .mistake, .troubleshooting, .tip, .engineNote, .faq, .criterion, .concept, .whenNot, .strategy,
    ]

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
