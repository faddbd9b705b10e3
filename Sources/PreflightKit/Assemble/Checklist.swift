/// The pre-cutover checklist as data: what the site's checklist page shows, and what the exports
/// for issue trackers and wikis carry.
///
/// Values are plain text as the profile and the content state them, except `noGo`, which is the
/// plan's GFM. Each output escapes them for where they land, so the page and every export list the
/// same steps, owners, gates and sign-off, and cannot disagree.
public struct Checklist: Sendable {
    /// A phase with the steps of the checklist's audience, in the order of the plan.
    public struct Group: Sendable {
        public var phase: Phase
        /// One-line tasks: title, owner, gate, clock or due date, thresholds, evidence, and the link
        /// to the step's text in the runbook or the preparation document.
        public var steps: [TaskEntry]
    }

    /// The step after which going back costs more than going on.
    public struct Switch: Sendable {
        /// The plan's number of the step, such as `7`.
        public var number: String
        public var title: String
        /// When it ends on the cutover clock, such as `T+0:10 (02:10)`; nil when its time is unknown.
        public var at: String?

        /// `step 7, Open the new primary, at T+0:10 (02:10)`, the title passed through `escape`.
        public func text(escape: (String) -> String) -> String {
            "step \(number), \(escape(title))" + (at.map { ", at \($0)" } ?? "")
        }
    }

    /// The cutover's steps added up against the window.
    public struct CutoverTime: Sendable {
        public var total: TimeSpan
        /// Steps whose time depends on fields the profile does not state.
        public var unknown: Int
        public var window: TimeSpan?

        /// The sentence every format shows; `strong` marks the parts a reader must not miss.
        public func sentence(strong: (String) -> String) -> String {
            var line = "Cutover steps add up to \(strong("\(total)"))"
            if unknown > 0 { line += " plus \(unknown) step(s) whose time depends on fields the profile does not state" }
            guard let window else { return line + "; the profile states no window to compare with." }
            return line + (total <= window ? ", inside the \(window) window." : ", \(strong("over the \(window) window")).")
        }
    }

    public var profileID: String
    public var profileName: String
    /// `Pre-cutover checklist — <profile name>`.
    public var title: String
    /// The theme's sentence under the title.
    public var summary: String?
    /// What stops the plan as it stands, each with what to change (GFM).
    public var noGo: [String]
    /// Findings of `inspect` that no step of the plan takes up, one line each.
    public var measured: [String]
    /// The migration in one line: engines, size, window.
    public var migration: String
    /// The profile as the overview's table has it: aspect and details, nil when the profile is silent.
    public var facts: [(aspect: String, details: String?)]
    /// The title of the recommended strategy; nil when none fits.
    public var strategy: String?
    public var pointOfNoReturn: Switch?
    /// Nil when the plan has no cutover steps.
    public var cutover: CutoverTime?
    /// The phases that hold steps for this audience, in order.
    public var groups: [Group]
    /// The profile's rollback triggers as one sentence; nil when it states none.
    public var rollbackTriggers: String?
    /// The rollback's steps added up on their own clock, and the limit the profile sets for them.
    public var rollbackTime: TimeSpan
    public var rollbackLimit: TimeSpan?
    /// The roles that sign before the cutover starts.
    public var signOff: [Role]

    /// How long the way back takes against the profile's limit; `strong` marks an overrun.
    public func rollbackSentence(strong: (String) -> String) -> String {
        let line = "The rollback steps add up to \(rollbackTime) from the decision to roll back"
        guard let limit = rollbackLimit else { return line + "; the profile sets no limit on it (rollback.max_duration)." }
        return line + (rollbackTime <= limit ? ", inside the \(limit) limit." : ", \(strong("over the \(limit) limit")).")
    }

    /// Every step of every phase.
    public var steps: [TaskEntry] { groups.flatMap(\.steps) }

    /// The owners of the steps, each once, in the order of the roles.
    public var owners: [Role] { Set(steps.compactMap(\.owner)).sorted() }
}
