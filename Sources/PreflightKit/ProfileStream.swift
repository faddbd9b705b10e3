import Foundation

/// The per-profile stages, select → assemble → render → write, run for many profiles side by side.
///
/// Each profile is rendered and written before the next one on that core starts, and only its
/// report is kept: a fleet of hundreds of profiles needs the memory of a few, not of all of them.
struct ProfileStream: Sendable {
    var request: BuildRequest
    var content: ContentSet
    var renderer: HTMLRenderer
    var cache: RenderCache
    var scan: InputScan
    var keys: ProfileKey
    var manifest: BuildManifest
    /// `ProfileKey.contentKey` of this build: an entry that saw this content, for a profile whose
    /// values did not change, is up to date without selecting anything.
    var contentKey: String
    /// Every item of the content, for the `shows` set of each entry.
    var items: ItemSet
    /// Items edited in their bodies only since the content an entry saw: if its `shows` holds none
    /// of them, the entry is up to date without selecting anything.
    var bodyEdits: BodyEdits?
    var progress: BuildProgress?

    /// Items whose files changed in their bodies only, and the content they changed from.
    struct BodyEdits: Sendable {
        /// `ProfileKey.contentKey` of the content before the edits.
        var since: String
        var ids: [String]
    }

    struct Outcome {
        var reports: [ProfileReport]
        var diagnostics: [Diagnostic]
        /// Seconds per stage, summed over profiles.
        var stageSeconds: [(String, Double)]
        /// The cache with this build's profiles recorded.
        var manifest: BuildManifest
    }

    private struct Done: Sendable {
        var report: ProfileReport
        var diagnostics: [Diagnostic]
        var entry: BuildManifest.ProfileEntry?
        var seconds: [Double]
    }

    static let stages = ["select", "assemble", "render", "write"]

    func run(_ sources: [ProfileLoader.Loaded]) -> Outcome {
        let counter = ProgressCounter(total: sources.count, progress: progress)
        let assembler = Assembler(sourceDate: Assembler.sourceDateFromEnvironment(), cache: cache)
        let results = parallelMap(sources) { source in
            let done = process(source, assembler: assembler)
            counter.finished(done.report)
            return done
        }
        var updated = manifest
        var seconds = [Double](repeating: 0, count: Self.stages.count)
        for done in results {
            if let entry = done.entry { updated.profiles[done.report.id] = entry }
            for index in seconds.indices { seconds[index] += done.seconds[index] }
        }
        return Outcome(reports: results.map(\.report), diagnostics: results.flatMap(\.diagnostics),
                       stageSeconds: Array(zip(Self.stages, seconds)), manifest: updated)
    }

    private func process(_ source: ProfileLoader.Loaded, assembler: Assembler) -> Done {
        let started = ContinuousClock.now
        var lap = started
        var seconds = [Double](repeating: 0, count: Self.stages.count)
        func time(_ stage: Int) {
            let now = ContinuousClock.now
            seconds[stage] += StageClock.seconds(now - lap)
            lap = now
        }
        var report = ProfileReport(id: source.id, origin: source.origin, status: .failed)
        var diagnostics = source.diagnostics
        report.errors = diagnostics.filter { $0.level == .error }.count
        report.warnings = diagnostics.warningCount
        func finish(_ entry: BuildManifest.ProfileEntry?) -> Done {
            report.seconds = StageClock.seconds(ContinuousClock.now - started)
            return Done(report: report, diagnostics: diagnostics, entry: entry, seconds: seconds)
        }
        guard let profile = source.profile, report.errors == 0, !(request.strict && report.warnings > 0) else {
            return finish(nil)
        }

        let previous = manifest.profiles[profile.id]
        let intact = previous != nil && manifest.isIntact(profile.id, root: request.outputRoot)
        func upToDate(_ entry: BuildManifest.ProfileEntry) -> Done {
            var entry = entry
            entry.content = contentKey
            report.status = .upToDate
            report.files = entry.files.count
            return finish(entry)
        }
        let profileHash = ProfileKey.profileHash(profile)
        if intact, let previous, previous.profileHash == profileHash.description, let seen = previous.content {
            if seen == contentKey { return upToDate(previous) }
            if let bodyEdits, seen == bodyEdits.since, let shows = previous.shows,
               !items.contains(anyOf: bodyEdits.ids, in: shows) {
                return upToDate(previous)
            }
        }
        let selection = Selector().select(content, for: profile, readers: request.readers)
        report.selected = true
        let key = keys.key(for: selection, profileHash: profileHash, scan: scan).description
        let shows = items.encode(selection.decisions.filter(ProfileKey.showsFile).map(\.item.id))
        time(0)
        if intact, var entry = previous, entry.key == key {
            entry.profileHash = profileHash.description
            entry.shows = shows
            return upToDate(entry)
        }

        let assembly = assembler.assemble(selection, content: content)
        time(1)
        // Render and write overlap: each file goes into the staging folder as soon as it is rendered.
        do throws(WriteError) {
            let staged = try OutputWriter(root: request.outputRoot).begin(profileID: profile.id, previous: previous?.files ?? [:])
            if let error = OutputRenderer(html: renderer).render(selection, assembly: assembly, theme: content.theme,
                                                                into: { file in try staged.add(file) }) {
                staged.abort()
                throw error
            }
            time(2)
            let written = try staged.commit()
            time(3)
            report.status = .built
            report.files = written.files.count
            report.written = written.written
            return finish(BuildManifest.ProfileEntry(key: key, files: written.files, profileHash: profileHash.description,
                                                     shows: shows, content: contentKey))
        } catch {
            time(3)
            diagnostics.append(.error(error.code, error.message,
                                      at: SourceLocation(file: request.outputRoot + "/" + profile.id), hint: error.hint))
            report.errors += 1
            return finish(nil)
        }
    }
}

/// Counts finished profiles for the progress callback. A lock rather than an actor: the workers are
/// GCD threads that must not wait on the cooperative pool.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    let progress: BuildProgress?

    init(total: Int, progress: BuildProgress?) {
        self.total = total
        self.progress = progress
    }

    func finished(_ report: ProfileReport) {
        guard let progress else { return }
        lock.lock()
        done += 1
        let count = done
        // Called under the lock so that reports arrive in the order their counts say.
        progress(report, count, total)
        lock.unlock()
    }
}
