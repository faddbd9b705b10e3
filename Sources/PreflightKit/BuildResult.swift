import Synchronization

/// What a build did: its diagnostics and each profile's outcome.
public struct BuildResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// One report per profile source, in the order the profiles were named.
    public var profiles: [ProfileReport] = []
    /// True when content errors stopped everything, or when any profile failed.
    public var failed = false
    /// True when the inputs matched the last build exactly and nothing ran beyond hashing them.
    public var upToDate = false
    /// The profiles the site index lists, after `Pipeline.buildIndex`.
    public var indexed: [String] = []

    public init(diagnostics: [Diagnostic] = [], profiles: [ProfileReport] = [], failed: Bool = false, upToDate: Bool = false) {
        self.diagnostics = diagnostics
        self.profiles = profiles
        self.failed = failed
        self.upToDate = upToDate
    }

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

    public init(id: String, origin: String, status: Status) {
        self.id = id
        self.origin = origin
        self.status = status
    }
}

/// Called after each profile finishes, from whichever thread finished it.
public typealias BuildProgress = @Sendable (_ report: ProfileReport, _ done: Int, _ total: Int) -> Void

/// Times the stages of a build with a monotonic clock. The caller owns it and reads it after the
/// build; per-profile stages are summed over profiles, which run side by side. Times go to
/// `--timings`, never into outputs.
public final class StageClock: Sendable {
    private let totals = Mutex<[(stage: String, seconds: Double)]>([])

    public init() {}

    /// Stage name and seconds, in the order each stage first ran.
    public var timings: [(stage: String, seconds: Double)] { totals.withLock { $0 } }

    /// The stages each profile goes through on its own; their timings are sums over profiles.
    public static let perProfileStages: Set<String> = ["select", "plan", "assemble", "render", "write"]

    /// Runs `body` and adds its time to `stage`.
    public func measure<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        let started = ContinuousClock.now
        defer {
            let seconds = Self.seconds(ContinuousClock.now - started)
            totals.withLock { totals in
                if let index = totals.firstIndex(where: { $0.stage == stage }) {
                    totals[index].seconds += seconds
                } else {
                    totals.append((stage, seconds))
                }
            }
        }
        return try body()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Counts finished profiles for the progress callback, which sees them in the order its counts say.
final class ProgressCounter: Sendable {
    private let done = Mutex(0)
    let total: Int
    let progress: BuildProgress?

    init(total: Int, progress: BuildProgress?) {
        self.total = total
        self.progress = progress
    }

    func finished(_ report: ProfileReport) {
        guard let progress else { return }
        done.withLock { count in
            count += 1
            progress(report, count, total)
        }
    }
}
