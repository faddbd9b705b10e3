/// How likely each risk is for a profile, from `risks.yml`: rules on the profile's facts, matched to
/// risk items by their tags, each with the reason the register shows.
public struct RiskRules: Sendable {
    public struct Rule: Sendable {
        /// The rule applies to items carrying any of these tags.
        public var tags: [String]
        public var when: Condition
        public var likelihood: Likelihood
        /// Why, in the register's words; may use profile variables such as `{{data.size}}`.
        public var because: String
    }

    public var rules: [Rule] = []
    /// Items with any of these tags are advice, not risks (how to write a prompt, say).
    public var notRisks: [String] = []

    public init(rules: [Rule] = [], notRisks: [String] = []) {
        self.rules = rules
        self.notRisks = notRisks
    }
}
