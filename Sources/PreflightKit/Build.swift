import Foundation

/// The pipeline in one place: load → validate → select → plan → assemble → render → write.
///
/// Content is loaded and validated once; its errors stop everything before anything is written.
/// Each profile then goes through select → plan → assemble → render → write on its own, several at a
/// time; a profile's errors stop only that profile. The build cache is one seam around this: it
/// ends a build whose inputs did not change after hashing them, and skips a profile whose key did
/// not change. It lives outside the output folder, so losing it only costs time.
public struct Pipeline: Sendable {
    public init() {}

    /// Builds every profile of `request`; `clock` collects the time of each stage for `--timings`.
    public func build(_ request: BuildRequest, clock: StageClock = StageClock(),
                      progress: BuildProgress? = nil) -> BuildResult {
        let request = request.expandingProfilePaths()
        do throws(WriteError) {
            try OutputWriter(root: request.outputRoot).claimRoot(contentFolders: request.layers.folders)
        } catch {
            return BuildResult(diagnostics: [error.diagnostic(at: request.outputRoot)], failed: true)
        }
        // What an interrupted build left (staging folders, half-written index files) is never output.
        OutputWriter(root: request.outputRoot).removeLeftovers()
        let cache = clock.measure("scan") { BuildCache(request) }
        if let unchanged = cache.unchangedBuild() { return unchanged }

        let (content, sources, loadProblems) = clock.measure("load") { load(request) }
        let (problems, checked) = clock.measure("validate") { validate(content, sources, loadProblems: loadProblems) }
        if problems.hasErrors || (request.strict && problems.warningCount > 0) {
            return BuildResult(diagnostics: (problems + checked.flatMap(\.diagnostics)).sorted(), failed: true)
        }
        let renderer: HTMLRenderer
        do throws(Diagnostic) {
            renderer = try htmlRenderer(for: content, request: request)
        } catch {
            return BuildResult(diagnostics: problems + [error], failed: true)
        }

        let keys = cache.keys(for: content)
        let assembler = Assembler(sourceDate: Assembler.sourceDateFromEnvironment())
        let mine = request.shard?.share(of: checked) ?? checked                   // a machine's share of a fleet
        let counter = ProgressCounter(total: mine.count, progress: progress)
        let outcomes = parallelMap(mine) { source in
            let started = ContinuousClock.now
            var outcome = buildProfile(source, request: request, content: content, keys: keys, cache: cache,
                                       assembler: assembler, renderer: renderer, clock: clock)
            outcome.report.seconds = StageClock.seconds(ContinuousClock.now - started)
            counter.finished(outcome.report)
            return outcome
        }

        var result = BuildResult(diagnostics: problems + outcomes.flatMap(\.diagnostics),
                                 profiles: outcomes.map(\.report))
        result.failed = outcomes.contains { $0.report.status == .failed }
        if outcomes.contains(where: { $0.report.status != .failed }) {
            // A shard leaves the index alone: once every shard is in, `buildIndex` writes it over all.
            if request.shard == nil {
                do throws(WriteError) {
                    _ = try writeSiteIndex(request.outputRoot, renderer: renderer, theme: content.theme, clock: clock)
                } catch {
                    result.diagnostics.append(error.diagnostic(at: request.outputRoot))
                    result.failed = true
                }
            }
            cache.save(outcomes.compactMap { outcome in outcome.record.map { (outcome.report.id, $0) } },
                       reports: result.profiles, warnings: result.diagnostics, complete: !result.failed)
        }
        result.diagnostics.sort()
        return result
    }

    /// One profile: select → plan → assemble → render → write, unless the cache vouches for its output.
    func buildProfile(_ source: ProfileLoader.Loaded, request: BuildRequest, content: ContentSet, keys: ProfileKey,
                      cache: BuildCache, assembler: Assembler, renderer: HTMLRenderer, clock: StageClock) -> ProfileOutcome {
        var outcome = ProfileOutcome(source: source)
        guard let profile = source.profile, outcome.report.errors == 0, !(request.strict && outcome.report.warnings > 0) else {
            return outcome
        }
        let selection = clock.measure("select") { Selector().select(content, for: profile, readers: request.readers) }
        let plan = clock.measure("plan") { Planner().plan(selection, content: content) }
        let findings = PlanRules().check(plan, content: content)
        outcome.diagnostics += findings
        outcome.report.warnings += findings.count
        if request.strict, !findings.isEmpty { return outcome }
        let key = keys.key(for: selection)
        if let files = cache.currentFiles(of: profile.id, key: key) {
            outcome.upToDate(key: key, files: files)
            return outcome
        }
        let assembly = clock.measure("assemble") { assembler.assemble(plan, selection: selection, content: content) }
        let files = clock.measure("render") {
            OutputRenderer(html: renderer).files(for: selection, assembly: assembly, theme: content.theme, exports: request.exports)
        }
        do throws(WriteError) {
            let written = try clock.measure("write") { () throws(WriteError) in
                try OutputWriter(root: request.outputRoot).write(profileID: profile.id, files: files,
                                                                 previous: cache.files(of: profile.id),
                                                                 written: cache.writtenFiles(of: profile.id))
            }
            outcome.built(key: key, written: written, folder: request.outputRoot + "/" + profile.id)
        } catch {
            outcome.fail(error.diagnostic(at: request.outputRoot + "/" + profile.id))
        }
        return outcome
    }
}
