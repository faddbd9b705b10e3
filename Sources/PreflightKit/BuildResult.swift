/// What a build did: its diagnostics, each profile's outcome, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// One report per profile source, in the order the profiles were named.
    public var profiles: [ProfileReport] = []
    /// Stage name and seconds. Load and validate are wall times; the per-profile stages (select,
    /// assemble, render, write) are summed over profiles, which run side by side.
    public var timings: [(stage: String, seconds: Double)] = []
    /// True when content errors stopped everything, or when any profile failed.
    public var failed = false
    /// True when the inputs matched the last build exactly and nothing ran beyond hashing them.
    public var upToDate = false

    /// The stages each profile goes through on its own; their timings are sums over profiles.
    public static let perProfileStages: Set<String> = ["select", "assemble", "render", "write"]

    /// Profiles whose output folder is current after this build, with their file counts.
    public var built: [(profile: String, files: Int)] {
        profiles.filter { $0.status != .failed }.map { ($0.id, $0.files) }
    }
}

/// One profile's outcome in a build.
public struct ProfileReport: Sendable {
    public enum Status: String, Sendable {
        /// Rendered and written (files whose bytes did not change were kept, not rewritten).
        case built
        /// Its cache key matched the last build: nothing was rendered or written.
        case upToDate = "up to date"
        /// Its errors (or warnings under `--strict`) stopped it; its previous output is untouched.
        case failed
    }

    public var id: String
    public var origin: String
    public var status: Status
    /// Files in the profile's output folder.
    public var files = 0
    /// Files written anew (the rest were unchanged and kept).
    public var written = 0
    public var errors = 0
    public var warnings = 0
    public var seconds = 0.0
    /// Whether the items were selected for it; an up-to-date profile the cache could vouch for
    /// without selecting is not.
    public var selected = false

    public init(id: String, origin: String, status: Status) {
        self.id = id
        self.origin = origin
        self.status = status
    }
}

/// Called after each profile finishes, from whichever thread finished it.
public typealias BuildProgress = @Sendable (_ report: ProfileReport, _ done: Int, _ total: Int) -> Void

/// Times stages with a monotonic clock; the times go to `--timings`, never into outputs.
struct StageClock {
    private var last = ContinuousClock.now

    mutating func lap(_ stage: String, into result: inout BuildResult) {
        let now = ContinuousClock.now
        result.timings.append((stage, Self.seconds(now - last)))
        last = now
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
