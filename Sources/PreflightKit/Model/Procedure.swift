/// A strategy's own procedure: the steps only this strategy runs, in order, by phase.
///
/// Steps named in any strategy's procedure belong to strategies: a plan shows them only when its
/// strategy names them. Every other step is cross-cutting and joins any plan its condition fits,
/// by phase and `order`.
public struct Procedure: Sendable {
    /// One step of the procedure.
    public struct Entry: Sendable {
        public var step: String
        /// For preparation: how long before the window opens the task is due (`T-7d` is 7 days).
        public var before: TimeSpan?
        /// For rollback: work that does not hold up the way back (forensics, notices), kept off its clock.
        public var offClock = false
        public var location: SourceLocation

        public init(step: String, before: TimeSpan? = nil, offClock: Bool = false, location: SourceLocation) {
            self.step = step
            self.before = before
            self.offClock = offClock
            self.location = location
        }
    }

    /// Dated tasks before the window (provisioning, initial sync, rehearsal), due `before` the start.
    public var prepare: [Entry] = []
    /// The cutover, in order, on the window's clock.
    public var cutover: [Entry] = []
    /// The cutover step after which going back is a recovery, not a switch.
    public var pointOfNoReturn: String?
    /// The way back, in order, on its own clock from the decision to roll back.
    public var rollback: [Entry] = []
    /// Work after the switch that belongs to this strategy (decommissioning, cleanup).
    public var after: [Entry] = []
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }

    /// Every step id the procedure names.
    public var stepIDs: [String] { (prepare + cutover + rollback + after).map(\.step) }
}
