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

    /// The heading a reader sees for a group of items of this kind.
    public var title: String {
        switch self {
        case .mistake: "Common mistakes"
        case .troubleshooting: "Troubleshooting"
        case .tip: "Pro tips"
        case .engineNote: "Engine notes"
        case .faq: "Frequently asked questions"
        case .criterion: "Evaluation criteria"
        case .concept: "Concepts"
        case .whenNot: "When not to use this approach"
        case .step: "Checklist steps"
        case .strategy: "Strategies"
        case .notice: "Notice templates"
        case .promptRule: "Prompt rules"
        }
    }

    /// The wiki page name (GitHub and GitLab wikis turn `-` into spaces in titles).
    public var wikiPage: String {
        switch self {
        case .mistake: "Common-Mistakes"
        case .troubleshooting: "Troubleshooting"
        case .tip: "Pro-Tips"
        case .engineNote: "Engine-Notes"
        case .faq: "FAQ"
        case .criterion: "Evaluation-Criteria"
        case .concept: "Concepts"
        case .whenNot: "When-Not-To"
        case .step: "Checklist-Steps"
        case .strategy: "Strategies"
        case .notice: "Notice-Templates"
        case .promptRule: "Prompt-Rules"
        }
    }

    /// Kinds that are reader-facing guidance and get a wiki page of their own.
    public static let guidance: [Kind] = [
        .mistake, .troubleshooting, .tip, .engineNote, .faq, .criterion, .concept, .whenNot, .strategy,
    ]

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
